package server

import (
	"net"
	"net/http"
	"net/netip"
	"strconv"
	"strings"
)

// hostPolicy decides which Host headers the server answers, against DNS
// rebinding: a page of evil.example whose name the attacker then points at
// 127.0.0.1 reaches the server with "Host: evil.example:1313", and the
// browser lets that page read the answers as its own. Rebinding needs a
// name the attacker controls, so the policy accepts IP literals the
// server may be reached at, and no names but localhost and the one the
// server was bound to.
type hostPolicy struct {
	port  string          // the listener's port; "" (not bound): any port, or none
	names map[string]bool // lower-case names: "localhost", the --bind name
	ips   []netip.Addr    // IP literals besides the loopback ones
	anyIP bool            // bound to all interfaces: every IP literal
}

// defaultHosts is the policy before Bind: loopback, on any port.
var defaultHosts = &hostPolicy{names: map[string]bool{"localhost": true}}

// Bind tells the server the address it listens on, and from then on it
// answers only requests whose Host header names that address; others get
// 421 Misdirected Request, on every path, the live-reload script and
// event stream included. bind is the address the user asked for (the
// --bind flag: an IP address, a name, or "" for all interfaces), and addr
// the listener's address (net.Listener.Addr), which gives the port and the
// IP a name resolved to.
//
// The accepted hosts are localhost and the loopback addresses (127.0.0.1,
// [::1]), the bind name and the listener's IP; when bound to all
// interfaces (0.0.0.0, ::), any IP literal. Names are compared without
// case; "localhost." with a final dot and subdomains of localhost are
// refused. The port must be the listener's; a Host without a port is
// accepted only when that port is 80, since browsers always send any
// other port.
//
// Before Bind, the server answers localhost and loopback addresses on any
// port (what tests with httptest.NewServer use).
func (s *Server) Bind(bind string, addr net.Addr) {
	p := &hostPolicy{names: map[string]bool{"localhost": true}}
	if tcp, ok := addr.(*net.TCPAddr); ok {
		p.port = strconv.Itoa(tcp.Port)
		if ip, ok := netip.AddrFromSlice(tcp.IP); ok {
			p.add(ip)
		}
	}
	bind = strings.Trim(bind, "[]")
	if ip, err := netip.ParseAddr(bind); err == nil {
		p.add(ip)
	} else if bind == "" {
		p.anyIP = true
	} else {
		p.names[strings.ToLower(bind)] = true
	}
	s.mu.Lock()
	s.hosts = p
	s.mu.Unlock()
}

func (p *hostPolicy) add(ip netip.Addr) {
	ip = ip.Unmap().WithZone("")
	if ip.IsUnspecified() {
		p.anyIP = true
		return
	}
	p.ips = append(p.ips, ip)
}

// allows reports whether the server answers requests for host, the Host
// header ("localhost:1313", "[::1]:1313", "127.0.0.1").
func (p *hostPolicy) allows(host string) bool {
	name, port, err := net.SplitHostPort(host)
	if err != nil { // no port, or not a host at all
		name, port = host, ""
		if strings.HasPrefix(name, "[") && strings.HasSuffix(name, "]") {
			name = name[1 : len(name)-1]
		} else if strings.Contains(name, ":") {
			return false
		}
	}
	if name == "" {
		return false
	}
	if p.port != "" && port != p.port && !(port == "" && p.port == "80") {
		return false
	}
	if ip, err := netip.ParseAddr(name); err == nil {
		if ip.Zone() != "" {
			return false
		}
		ip = ip.Unmap()
		if ip.IsLoopback() || p.anyIP {
			return true
		}
		for _, a := range p.ips {
			if a == ip {
				return true
			}
		}
		return false
	}
	return p.names[strings.ToLower(name)]
}

// misdirected answers a request for a host the server does not serve.
func (p *hostPolicy) misdirected(w http.ResponseWriter) {
	where := "localhost"
	if p.port != "" {
		where = "http://localhost:" + p.port + "/"
	}
	w.Header().Set("Cache-Control", "no-store")
	http.Error(w, "421 misdirected request: this development server answers only requests for its own address, such as "+where, http.StatusMisdirectedRequest)
}
