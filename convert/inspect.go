package convert

// Shortcodes returns the names of the shortcodes used in content, in order
// of first use, each once. Code shortcodes count, their content does not;
// escaped uses ("[[gallery]]") do not count.
func Shortcodes(content string) []string {
	var names []string
	seen := map[string]bool{}
	scanShortcodes(content, func(name string) {
		if !seen[name] {
			seen[name] = true
			names = append(names, name)
		}
	})
	return names
}

// BlockNames returns the Gutenberg block names used in content
// ("core/image", "core/paragraph", …), in order of first use, each once.
func BlockNames(content string) []string {
	if !isBlockContent(content) {
		return nil
	}
	var names []string
	seen := map[string]bool{}
	walkBlocks(parseBlocks(content), func(b *block) {
		if !seen[b.name] {
			seen[b.name] = true
			names = append(names, b.name)
		}
	})
	return names
}
