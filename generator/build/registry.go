package build

import (
	"fmt"
	"sync"
)

// assetURLs is the build's register of published assets: name → URL,
// for the template function asset. It is safe for concurrent use, and a
// name that a step running in the background will publish waits for
// that step.
type assetURLs struct {
	mu      sync.Mutex
	urls    map[string]string
	pending map[string]chan struct{} // closed when the step making the name ends
}

func newAssetURLs() *assetURLs {
	return &assetURLs{urls: map[string]string{}, pending: map[string]chan struct{}{}}
}

// set records the URL of name.
func (a *assetURLs) set(name, url string) error {
	a.mu.Lock()
	defer a.mu.Unlock()
	if _, dup := a.urls[name]; dup {
		return fmt.Errorf("asset %s：发布了两次", name)
	}
	a.urls[name] = url
	return nil
}

// promise says that names will be set by a step now starting; done ends
// the wait of their readers, set or not.
func (a *assetURLs) promise(names []string) (done func()) {
	ch := make(chan struct{})
	a.mu.Lock()
	for _, n := range names {
		a.pending[n] = ch
	}
	a.mu.Unlock()
	return func() { close(ch) }
}

// lookup returns the URL of name, waiting for the step that makes it.
func (a *assetURLs) lookup(name string) (string, bool) {
	a.mu.Lock()
	ch := a.pending[name]
	a.mu.Unlock()
	if ch != nil {
		<-ch
	}
	a.mu.Lock()
	defer a.mu.Unlock()
	u, ok := a.urls[name]
	return u, ok
}

// published returns the URLs of the assets published so far whose name
// keep accepts.
func (a *assetURLs) published(keep func(name string) bool) []string {
	a.mu.Lock()
	defer a.mu.Unlock()
	var out []string
	for name, url := range a.urls {
		if url != "" && keep(name) {
			out = append(out, url)
		}
	}
	return out
}
