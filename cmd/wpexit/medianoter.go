package main

import "github.com/wpexit/wpexit/wxr"

// mediaBatch is how many entries the survey hands the media noter at once:
// enough that the hand-over costs little, few enough that the items it
// holds stay few.
const mediaBatch = 16

// mediaNoter runs noteMedia (media.go) for the first pass on a goroutine
// of its own, in entry order, so that noting media and planning items share
// the machine's cores. Only that goroutine touches the survey's mediaUses
// until wait returns.
type mediaNoter struct {
	sv    *survey
	batch []notedEntry
	ch    chan []notedEntry
	done  chan struct{}
}

// notedEntry is one item for noteMedia.
type notedEntry struct {
	seq int
	it  *wxr.Item
}

// startMediaNoter starts noting media for sv. Call wait when the pass ends.
func startMediaNoter(sv *survey) *mediaNoter {
	n := &mediaNoter{sv: sv, ch: make(chan []notedEntry, 4), done: make(chan struct{})}
	n.batch = make([]notedEntry, 0, mediaBatch)
	go n.run()
	return n
}

func (n *mediaNoter) run() {
	defer close(n.done)
	for b := range n.ch {
		for _, e := range b {
			n.sv.noteMedia(e.seq, e.it)
		}
	}
}

// add queues one item, which must not change afterwards.
func (n *mediaNoter) add(seq int, it *wxr.Item) {
	n.batch = append(n.batch, notedEntry{seq, it})
	if len(n.batch) == mediaBatch {
		n.ch <- n.batch
		n.batch = make([]notedEntry, 0, mediaBatch)
	}
}

// wait notes what is queued and returns when every item added is noted.
func (n *mediaNoter) wait() {
	if len(n.batch) > 0 {
		n.ch <- n.batch
		n.batch = nil
	}
	close(n.ch)
	<-n.done
}
