// Package wxr reads WordPress eXtended RSS (WXR 1.0, 1.1 and 1.2) exports as a
// stream: the channel header first, then one Item at a time, never the whole
// document. It owns the typed view of an export and the repairs that make
// real, malformed exports readable, each reported with its position.
package wxr
