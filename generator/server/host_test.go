package server

import (
	"context"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

// TestHostCheck sends requests with many Host headers to the real handler,
// bound as `cpts serve` binds it, and wants 421 for every host the server
// was not bound to, on every path.
func TestHostCheck(t *testing.T) {
	fb := &fakeBuilder{}
	tcp := func(ip string, port int) net.Addr { return &net.TCPAddr{IP: net.ParseIP(ip), Port: port} }
	loopback := []struct {
		host string
		code int
	}{
		{"127.0.0.1:1313", 200},
		{"localhost:1313", 200},
		{"LocalHost:1313", 200},
		{"[::1]:1313", 200},
		{"[0:0:0:0:0:0:0:1]:1313", 200},
		{"127.0.0.2:1313", 200}, // all of 127/8 is loopback
		{"[::ffff:127.0.0.1]:1313", 200},
		{"evil.example", 421},
		{"evil.example:1313", 421},
		{"127.0.0.1.nip.io:1313", 421},
		{"localhost.:1313", 421},
		{"a.localhost:1313", 421},
		{"localhost.evil.example:1313", 421},
		{"localhost:1314", 421},
		{"localhost:01313", 421},
		{"localhost:", 421},
		{"localhost", 421}, // no port: only for port 80
		{"127.0.0.1", 421},
		{"[::1]", 421},
		{"::1", 421},
		{"::1:1313", 421},
		{"[fe80::1%25eth0]:1313", 421},
		{"192.168.1.10:1313", 421},
		{"0.0.0.0:1313", 421},
		{"", 421},
		{"localhost:1313:1313", 421},
		{"localhost:1313@evil.example", 421},
	}
	allInterfaces := []struct {
		host string
		code int
	}{
		{"localhost:1313", 200},
		{"127.0.0.1:1313", 200},
		{"192.168.1.10:1313", 200},
		{"[2001:db8::1]:1313", 200},
		{"0.0.0.0:1313", 200},
		{"192.168.1.10:80", 421},
		{"devbox.local:1313", 421},
		{"evil.example:1313", 421},
	}
	named := []struct {
		host string
		code int
	}{
		{"devbox.local:8080", 200},
		{"DEVBOX.local:8080", 200},
		{"192.168.1.10:8080", 200},
		{"localhost:8080", 200},
		{"192.168.1.11:8080", 421},
		{"devbox.local:1313", 421},
		{"evil.example:8080", 421},
	}
	port80 := []struct {
		host string
		code int
	}{
		{"localhost", 200},
		{"localhost:80", 200},
		{"127.0.0.1", 200},
		{"[::1]", 200},
		{"localhost:8080", 421},
		{"evil.example", 421},
	}
	unbound := []struct {
		host string
		code int
	}{
		{"localhost", 200},
		{"127.0.0.1:9999", 200},
		{"[::1]:1", 200},
		{"example.com", 421},
		{"192.168.1.10:1313", 421},
	}
	type hostCase = struct {
		host string
		code int
	}
	setups := []struct {
		name  string
		bind  func(*Server)
		cases []hostCase
	}{
		{"127.0.0.1", func(s *Server) { s.Bind("127.0.0.1", tcp("127.0.0.1", 1313)) }, loopback},
		{"0.0.0.0", func(s *Server) { s.Bind("0.0.0.0", tcp("0.0.0.0", 1313)) }, allInterfaces},
		{"::", func(s *Server) { s.Bind("::", tcp("::", 1313)) }, allInterfaces},
		{"devbox.local", func(s *Server) { s.Bind("devbox.local", tcp("192.168.1.10", 8080)) }, named},
		{"port 80", func(s *Server) { s.Bind("localhost", tcp("127.0.0.1", 80)) }, port80},
		{"not bound", func(*Server) {}, unbound},
	}
	for _, setup := range setups {
		s := New(fb.build)
		s.Rebuild(nil)
		setup.bind(s)
		for _, tt := range setup.cases {
			paths := []string{"/", "/cpts/a/", "/__cpts/livereload.js", "/__cpts/error.css"}
			methods := []string{"GET", "HEAD"}
			if tt.code == 421 { // the event stream would block when answered
				paths = append(paths, eventsPath, "/nope", "/../../etc/passwd")
				methods = append(methods, "POST", "OPTIONS")
			}
			for _, method := range methods {
				for _, p := range paths {
					rec := httptest.NewRecorder()
					req := httptest.NewRequest(method, p, nil)
					req.Host = tt.host
					s.ServeHTTP(rec, req)
					if rec.Code != tt.code {
						t.Errorf("bound to %s: %s %s with Host %q = %d, want %d", setup.name, method, p, tt.host, rec.Code, tt.code)
					}
					if tt.code == 421 && (method == "GET" && !strings.Contains(rec.Body.String(), "misdirected request") ||
						!strings.HasPrefix(rec.Header().Get("Content-Type"), "text/plain") || strings.Contains(rec.Body.String(), "Accueil")) {
						t.Errorf("bound to %s: %s %s with Host %q: body %q, Content-Type %q", setup.name, method, p, tt.host, rec.Body.String(), rec.Header().Get("Content-Type"))
					}
				}
			}
		}
	}
}

// TestHostCheckOverHTTP goes through net/http: a request for another
// host, even sent to the right address, is refused, the event stream
// included, and the right host still gets its events.
func TestHostCheckOverHTTP(t *testing.T) {
	fb := &fakeBuilder{}
	s := New(fb.build)
	s.Rebuild(nil)
	ts := httptest.NewServer(s)
	defer ts.Close()
	s.Bind("127.0.0.1", ts.Listener.Addr())
	_, port, _ := net.SplitHostPort(ts.Listener.Addr().String())
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	for _, tt := range []struct {
		host, path string
		code       int
	}{
		{"evil.example:" + port, "/", 421},
		{"evil.example:" + port, eventsPath, 421},
		{"evil.example:" + port, reloadScriptPath, 421},
		{"localhost:" + port, "/", 200},
		{"localhost:" + port, eventsPath, 200},
	} {
		req, _ := http.NewRequestWithContext(ctx, "GET", ts.URL+tt.path, nil)
		req.Host = tt.host
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		if resp.StatusCode != tt.code {
			t.Errorf("GET %s with Host %q = %d, want %d", tt.path, tt.host, resp.StatusCode, tt.code)
		}
		if tt.path != eventsPath || tt.code != 200 {
			_, _ = io.Copy(io.Discard, resp.Body)
		}
		resp.Body.Close()
	}
}
