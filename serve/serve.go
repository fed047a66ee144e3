package serve

import (
	"bytes"
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/verbatim-news/verbatim/internal/plural"
	"github.com/verbatim-news/verbatim/internal/tempfiles"
	"github.com/verbatim-news/verbatim/render"
)

// Options configure Run.
type Options struct {
	// Build is how to build the site. OutDir is ignored (the preview is
	// built in a temporary folder) and BaseURL is replaced by the local
	// address.
	Build render.Options
	Host  string        // default 127.0.0.1
	Port  int           // 0 picks a free port
	Poll  time.Duration // how often to look for changes; default 500ms
	Log   io.Writer     // progress and errors; nil discards
	// Ready, when set, is called with the site's URL once it is served.
	Ready func(url string)
}

const (
	eventsPath = "/__verbatim/events"
	scriptPath = "/__verbatim/livereload.js"
)

var reloadScript = []byte(`// verbatim serve: reload the page when the site is rebuilt.
(function () {
  "use strict";
  var es = new EventSource("` + eventsPath + `");
  es.addEventListener("reload", function () { location.reload(); });
}());
`)

// Run serves the site until ctx is done.
func Run(ctx context.Context, o Options) error {
	if o.Host == "" {
		o.Host = "127.0.0.1"
	}
	if o.Poll <= 0 {
		o.Poll = 500 * time.Millisecond
	}
	if o.Log == nil {
		o.Log = io.Discard
	}
	ln, err := net.Listen("tcp", net.JoinHostPort(o.Host, strconv.Itoa(o.Port)))
	if err != nil {
		if errors.Is(err, syscall.EADDRINUSE) {
			return fmt.Errorf("port %d on %s is already in use (another verbatim serve or hugo server?); stop it or choose another port with --port", o.Port, o.Host)
		}
		return fmt.Errorf("listen on %s:%d: %w", o.Host, o.Port, err)
	}
	defer ln.Close()
	url := "http://" + ln.Addr().String() + "/"

	// A server killed with SIGKILL leaves its folder behind; the next one
	// removes those of dead processes.
	_, _ = tempfiles.Clean(os.TempDir(), serveTempPrefix, "", tempfiles.StaleAfter)
	tmp, err := os.MkdirTemp("", tempfiles.Pattern(serveTempPrefix, ""))
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	o.Build.OutDir = filepath.Join(tmp, "public")
	o.Build.BaseURL = url

	// The signature is taken before the first build, so a change made
	// while it runs, or right after the server says it is ready, is seen.
	watched := watchList(o.Build)
	last := signature(watched)
	s := &server{dir: o.Build.OutDir, clients: map[chan struct{}]bool{}, done: ctx.Done(), hosts: allowedHosts(o.Host, ln.Addr())}
	if err := s.build(ctx, o); err != nil {
		return err
	}
	srv := &http.Server{Handler: s, ReadHeaderTimeout: 10 * time.Second}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	fmt.Fprintf(o.Log, "Serving the site at %s (Ctrl+C to stop)\n", url)
	if o.Ready != nil {
		o.Ready(url)
	}

	tick := time.NewTicker(o.Poll)
	defer tick.Stop()
	for {
		select {
		case <-ctx.Done():
			shut, cancel := context.WithTimeout(context.Background(), 2*time.Second)
			defer cancel()
			_ = srv.Shutdown(shut)
			return nil
		case err := <-errc:
			return fmt.Errorf("serve: %w", err)
		case <-tick.C:
			sig := signature(watched)
			if sig == last {
				continue
			}
			last = sig
			if err := s.build(ctx, o); err != nil {
				if ctx.Err() != nil {
					continue
				}
				fmt.Fprintf(o.Log, "rebuild failed, still serving the last good site: %v\n", err)
				continue
			}
			s.reload()
		}
	}
}

type server struct {
	dir     string
	hosts   map[string]bool // the Host names it answers to
	mu      sync.Mutex
	clients map[chan struct{}]bool
	done    <-chan struct{}
}

func (s *server) build(ctx context.Context, o Options) error {
	start := time.Now()
	rep, err := render.Build(ctx, o.Build)
	if err != nil {
		return err
	}
	fmt.Fprintf(o.Log, "built %s, %s, %s in %s\n", plural.Count(rep.Articles, "article", "articles"),
		plural.Count(rep.Quotes, "quote", "quotes"), plural.Count(rep.Speakers, "speaker", "speakers"), time.Since(start).Round(time.Millisecond))
	return nil
}

// reload tells every open page to reload.
func (s *server) reload() {
	s.mu.Lock()
	defer s.mu.Unlock()
	for c := range s.clients {
		select {
		case c <- struct{}{}:
		default: // a reload is already pending for this page
		}
	}
}

func (s *server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if !s.hostAllowed(r.Host) {
		// DNS rebinding: a page of evil.example whose name now resolves
		// to 127.0.0.1 would otherwise read the preview, drafts
		// included, with the visitor's browser.
		http.Error(w, "verbatim serve answers to localhost only", http.StatusMisdirectedRequest)
		return
	}
	switch r.URL.Path {
	case eventsPath:
		s.events(w, r)
		return
	case scriptPath:
		w.Header().Set("Content-Type", "text/javascript; charset=utf-8")
		_, _ = w.Write(reloadScript)
		return
	}
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	name := path.Clean("/" + r.URL.Path)
	file := filepath.Join(s.dir, filepath.FromSlash(name))
	if fi, err := os.Stat(file); err == nil && fi.IsDir() {
		if !strings.HasSuffix(r.URL.Path, "/") {
			http.Redirect(w, r, r.URL.Path+"/", http.StatusMovedPermanently)
			return
		}
		file = filepath.Join(file, "index.html")
	}
	status := http.StatusOK
	if _, err := os.Stat(file); err != nil {
		file, status = filepath.Join(s.dir, "404.html"), http.StatusNotFound
	}
	if !strings.HasSuffix(file, ".html") {
		w.Header().Set("Cache-Control", "no-store")
		http.ServeFile(w, r, file)
		return
	}
	data, err := os.ReadFile(file)
	if err != nil {
		http.Error(w, "not found", http.StatusNotFound)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	_, _ = w.Write(inject(data))
}

// inject adds the reload script before </body>.
func inject(page []byte) []byte {
	tag := []byte(`<script src="` + scriptPath + `"></script>`)
	i := bytes.LastIndex(page, []byte("</body>"))
	if i < 0 {
		return append(page, tag...)
	}
	out := make([]byte, 0, len(page)+len(tag)+1)
	out = append(out, page[:i]...)
	out = append(out, tag...)
	out = append(out, '\n')
	return append(out, page[i:]...)
}

func (s *server) events(w http.ResponseWriter, r *http.Request) {
	flusher, ok := w.(http.Flusher)
	if !ok {
		http.Error(w, "streaming unsupported", http.StatusInternalServerError)
		return
	}
	c := make(chan struct{}, 1)
	s.mu.Lock()
	s.clients[c] = true
	s.mu.Unlock()
	defer func() {
		s.mu.Lock()
		delete(s.clients, c)
		s.mu.Unlock()
	}()
	w.Header().Set("Content-Type", "text/event-stream")
	w.Header().Set("Cache-Control", "no-store")
	_, _ = io.WriteString(w, ": verbatim serve\n\n")
	flusher.Flush()
	keepalive := time.NewTicker(20 * time.Second)
	defer keepalive.Stop()
	for {
		select {
		case <-r.Context().Done():
			return
		case <-s.done:
			return
		case <-keepalive.C:
			_, _ = io.WriteString(w, ": ping\n\n")
			flusher.Flush()
		case <-c:
			_, _ = io.WriteString(w, "event: reload\ndata: reload\n\n")
			flusher.Flush()
		}
	}
}

// watchList is what a change to triggers a rebuild: every input of the
// build (content, templates, verbatim.yaml, speakers.yaml,
// corrections.yaml), even one missing for now.
func watchList(b render.Options) []string {
	return b.Inputs()
}

// serveTempPrefix names the folder in os.TempDir where serve builds.
const serveTempPrefix = "verbatim-serve-"

// signature sums the names, sizes and times of every file under roots.
// Polling keeps serve free of platform-specific watchers; for a site of a
// few thousand files a walk costs a few milliseconds.
func signature(roots []string) [32]byte {
	h := sha256.New()
	for _, root := range roots {
		_ = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				fmt.Fprintf(h, "%s:missing\n", p)
				return nil
			}
			if d.IsDir() {
				return nil
			}
			if fi, err := d.Info(); err == nil {
				fmt.Fprintf(h, "%s:%d:%d\n", p, fi.Size(), fi.ModTime().UnixNano())
			}
			return nil
		})
	}
	var sum [32]byte
	h.Sum(sum[:0])
	return sum
}

// allowedHosts are the names the preview answers to: the loopback names and
// the address it listens on.
func allowedHosts(host string, addr net.Addr) map[string]bool {
	hosts := map[string]bool{"localhost": true, "127.0.0.1": true, "::1": true, strings.ToLower(host): true}
	if h, _, err := net.SplitHostPort(addr.String()); err == nil {
		hosts[h] = true
	}
	return hosts
}

// hostAllowed tells whether a request's Host header names this server,
// with or without a port.
func (s *server) hostAllowed(hostport string) bool {
	host := hostport
	if h, _, err := net.SplitHostPort(hostport); err == nil {
		host = h
	}
	host = strings.TrimSuffix(strings.TrimPrefix(host, "["), "]")
	return s.hosts[strings.ToLower(strings.TrimSuffix(host, "."))]
}
