package site

// calculator builds the calculator's assets (WebAssembly, worker, page
// script, parameters) and records their URLs in b.assets.
func (b *builder) calculator() error {
	return nil
}

// calcExtraData is the calculator page's data (the no-JavaScript table).
func (b *builder) calcExtraData() any { return nil }
