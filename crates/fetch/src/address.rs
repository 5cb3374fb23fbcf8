//! Which addresses we may connect to, and the DNS resolver that enforces it.
//!
//! A feed list is user input and a redirect is server input: either could
//! point the fetcher at the machine it runs on, the local network or a cloud
//! metadata service. So every address is judged after DNS resolution, at
//! connect time ([`Resolver`]), and URLs whose host is an IP literal (which
//! never reach a resolver) are judged before each request ([`check_url`]).

use std::fmt;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr};

use reqwest::dns::{Addrs, Name, Resolve, Resolving};
use url::{Host, Url};

use crate::FetchError;

/// What kind of address an IP is, as far as fetching is concerned. Every
/// class but [`AddressClass::Public`] is refused unless private addresses
/// are allowed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum AddressClass {
    /// Reachable on the open internet.
    Public,
    /// `0.0.0.0` or `::`.
    Unspecified,
    /// `0.0.0.0/8`: "this network".
    ThisNetwork,
    /// `127.0.0.0/8` or `::1`.
    Loopback,
    /// `10/8`, `172.16/12`, `192.168/16`, deprecated IPv6 site-local
    /// `fec0::/10` and local-use NAT64 `64:ff9b:1::/48`.
    Private,
    /// `100.64.0.0/10`, carrier-grade NAT.
    SharedCgnat,
    /// `169.254/16` (cloud metadata lives here) or `fe80::/10`.
    LinkLocal,
    /// IPv6 unique local `fc00::/7`.
    UniqueLocal,
    /// `224/4` or `ff00::/8`.
    Multicast,
    /// `255.255.255.255`.
    Broadcast,
    /// Documentation ranges (`192.0.2/24`, `198.51.100/24`, `203.0.113/24`,
    /// `2001:db8::/32`).
    Documentation,
    /// `198.18/15`, network benchmarking.
    Benchmarking,
    /// IETF protocol assignments (`192.0.0/24`, `2001::/23`).
    Protocol,
    /// Reserved or unallocated: `240/4`, the 6to4 relay anycast
    /// `192.88.99/24`, and IPv6 outside `2000::/3` not named above.
    Reserved,
}

impl AddressClass {
    /// Whether this class is refused unless private addresses are allowed.
    pub fn is_internal(self) -> bool {
        self != AddressClass::Public
    }

    /// A short name for messages.
    pub fn describe(self) -> &'static str {
        match self {
            AddressClass::Public => "public",
            AddressClass::Unspecified => "unspecified",
            AddressClass::ThisNetwork => "'this network' (0.0.0.0/8)",
            AddressClass::Loopback => "loopback",
            AddressClass::Private => "private",
            AddressClass::SharedCgnat => "carrier-grade NAT (100.64.0.0/10)",
            AddressClass::LinkLocal => "link-local",
            AddressClass::UniqueLocal => "unique local (fc00::/7)",
            AddressClass::Multicast => "multicast",
            AddressClass::Broadcast => "broadcast",
            AddressClass::Documentation => "documentation-only",
            AddressClass::Benchmarking => "benchmarking (198.18.0.0/15)",
            AddressClass::Protocol => "reserved for IETF protocols",
            AddressClass::Reserved => "reserved",
        }
    }
}

impl fmt::Display for AddressClass {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.describe())
    }
}

/// Classifies an address. IPv6 forms that carry an IPv4 address
/// (IPv4-mapped, NAT64, 6to4) are judged by the IPv4 address they carry.
pub fn classify(ip: IpAddr) -> AddressClass {
    match ip {
        IpAddr::V4(v4) => classify_v4(v4),
        IpAddr::V6(v6) => classify_v6(v6),
    }
}

fn in_v4(ip: u32, net: [u8; 4], prefix: u32) -> bool {
    let net = u32::from_be_bytes(net);
    let mask = if prefix == 0 {
        0
    } else {
        u32::MAX << (32 - prefix)
    };
    ip & mask == net & mask
}

fn classify_v4(ip: Ipv4Addr) -> AddressClass {
    let n = u32::from(ip);
    use AddressClass::*;
    let table: &[([u8; 4], u32, AddressClass)] = &[
        ([255, 255, 255, 255], 32, Broadcast),
        ([0, 0, 0, 0], 32, Unspecified),
        ([0, 0, 0, 0], 8, ThisNetwork),
        ([127, 0, 0, 0], 8, Loopback),
        ([10, 0, 0, 0], 8, Private),
        ([172, 16, 0, 0], 12, Private),
        ([192, 168, 0, 0], 16, Private),
        ([100, 64, 0, 0], 10, SharedCgnat),
        ([169, 254, 0, 0], 16, LinkLocal),
        ([192, 0, 0, 0], 24, Protocol),
        ([192, 0, 2, 0], 24, Documentation),
        ([198, 51, 100, 0], 24, Documentation),
        ([203, 0, 113, 0], 24, Documentation),
        ([198, 18, 0, 0], 15, Benchmarking),
        ([192, 88, 99, 0], 24, Reserved),
        ([224, 0, 0, 0], 4, Multicast),
        ([240, 0, 0, 0], 4, Reserved),
    ];
    table
        .iter()
        .find(|(net, prefix, _)| in_v4(n, *net, *prefix))
        .map_or(Public, |(_, _, class)| *class)
}

fn in_v6(ip: u128, net: u128, prefix: u32) -> bool {
    let mask = if prefix == 0 {
        0
    } else {
        u128::MAX << (128 - prefix)
    };
    ip & mask == net & mask
}

fn classify_v6(ip: Ipv6Addr) -> AddressClass {
    use AddressClass::*;
    let n = u128::from(ip);
    if n == 0 {
        return Unspecified;
    }
    if n == 1 {
        return Loopback;
    }
    // ::ffff:a.b.c.d, IPv4-mapped: the socket really talks IPv4.
    if in_v6(n, 0xffff << 32, 96) {
        return classify_v4(Ipv4Addr::from(n as u32));
    }
    // 64:ff9b::/96, NAT64: a gateway forwards to the embedded IPv4 address.
    if in_v6(n, 0x0064_ff9b << 96, 96) {
        return classify_v4(Ipv4Addr::from(n as u32));
    }
    // 2002::/16, 6to4: the IPv4 address sits in bits 16..48.
    if in_v6(n, 0x2002 << 112, 16) {
        return classify_v4(Ipv4Addr::from((n >> 80) as u32));
    }
    let table: &[(u128, u32, AddressClass)] = &[
        (0x0064_ff9b_0001 << 80, 48, Private),
        (0xfc00 << 112, 7, UniqueLocal),
        (0xfe80 << 112, 10, LinkLocal),
        (0xfec0 << 112, 10, Private),
        (0xff00 << 112, 8, Multicast),
        (0x2001_0db8 << 96, 32, Documentation),
        (0x2001 << 112, 23, Protocol),
        (0x2000 << 112, 3, Public),
    ];
    table
        .iter()
        .find(|(net, prefix, _)| in_v6(n, *net, *prefix))
        // Outside global unicast: ::/96 (IPv4-compatible), 100::/64, and the
        // unallocated rest.
        .map_or(Reserved, |(_, _, class)| *class)
}

/// Why an address is refused, as `ADDR is CLASS`, or `None` when it is fine.
pub fn refusal(ip: IpAddr) -> Option<String> {
    let class = classify(ip);
    if !class.is_internal() {
        return None;
    }
    let metadata = ip == IpAddr::V4(Ipv4Addr::new(169, 254, 169, 254));
    Some(format!(
        "{ip} is {class}{}",
        if metadata { " (cloud metadata)" } else { "" }
    ))
}

/// Judges a URL before it is requested: http or https, a host, and, if the
/// host is an IP literal (which bypasses the resolver), a public address.
pub(crate) fn check_url(url: &Url, allow_private: bool) -> Result<(), FetchError> {
    let bad = |reason: &str| FetchError::BadUrl {
        url: url.to_string(),
        reason: reason.to_string(),
    };
    if !matches!(url.scheme(), "http" | "https") {
        return Err(bad(&format!(
            "scheme {:?} is not http or https",
            url.scheme()
        )));
    }
    let ip = match url.host() {
        None => return Err(bad("no host")),
        Some(Host::Domain("")) => return Err(bad("no host")),
        Some(Host::Domain(_)) => return Ok(()),
        Some(Host::Ipv4(v4)) => IpAddr::V4(v4),
        Some(Host::Ipv6(v6)) => IpAddr::V6(v6),
    };
    if allow_private {
        return Ok(());
    }
    match refusal(ip) {
        None => Ok(()),
        Some(reason) => Err(FetchError::Refused {
            url: url.to_string(),
            reason,
        }),
    }
}

/// The resolver's complaint about a name, found again in reqwest's error
/// chain so the fetch can report [`FetchError::Refused`].
#[derive(Debug)]
pub(crate) struct Refusal {
    pub reason: String,
}

impl fmt::Display for Refusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.reason)
    }
}

impl std::error::Error for Refusal {}

/// A host name pattern from [`Config::resolve`](crate::Config::resolve).
#[derive(Debug, Clone)]
enum Pattern {
    Exact(String),
    /// Stored with its leading dot, so `*.a.test` matches `x.a.test` only.
    Below(String),
}

/// Normalises a host name for comparison: lower case, no trailing dot.
fn normal(host: &str) -> String {
    host.trim_end_matches('.').to_ascii_lowercase()
}

/// DNS for the fetcher: the configured overrides first, then the system
/// resolver; internal addresses are dropped unless allowed, and a name left
/// with none is refused.
#[derive(Debug, Clone)]
pub(crate) struct Resolver {
    overrides: Vec<(Pattern, IpAddr)>,
    allow_private: bool,
}

impl Resolver {
    /// A resolver with these overrides (see [`Config::resolve`](crate::Config::resolve)).
    pub fn new(overrides: &[(String, IpAddr)], allow_private: bool) -> Resolver {
        let overrides = overrides
            .iter()
            .map(|(pattern, ip)| {
                let p = match pattern.strip_prefix("*.") {
                    Some(suffix) => Pattern::Below(format!(".{}", normal(suffix))),
                    None => Pattern::Exact(normal(pattern)),
                };
                (p, *ip)
            })
            .collect();
        Resolver {
            overrides,
            allow_private,
        }
    }

    /// The override for a host, if one matches; exact names win over
    /// wildcards, and earlier entries over later ones.
    pub fn lookup_override(&self, host: &str) -> Option<IpAddr> {
        let host = normal(host);
        let exact = self.overrides.iter().find_map(|(p, ip)| match p {
            Pattern::Exact(name) if *name == host => Some(*ip),
            _ => None,
        });
        exact.or_else(|| {
            self.overrides.iter().find_map(|(p, ip)| match p {
                Pattern::Below(suffix) if host.ends_with(suffix.as_str()) => Some(*ip),
                _ => None,
            })
        })
    }

    /// Keeps the allowed addresses of a name; refuses the name if none is.
    pub fn filter(&self, host: &str, addrs: Vec<SocketAddr>) -> Result<Vec<SocketAddr>, Refusal> {
        if self.allow_private {
            return Ok(addrs);
        }
        let mut first = None;
        let kept: Vec<SocketAddr> = addrs
            .into_iter()
            .filter(|a| match refusal(a.ip()) {
                None => true,
                Some(reason) => {
                    first.get_or_insert(reason);
                    false
                }
            })
            .collect();
        match (kept.is_empty(), first) {
            (true, Some(reason)) => Err(Refusal {
                reason: format!("{host} resolves to internal addresses only ({reason})"),
            }),
            _ => Ok(kept),
        }
    }
}

impl Resolve for Resolver {
    fn resolve(&self, name: Name) -> Resolving {
        let host = name.as_str().to_string();
        let this = self.clone();
        Box::pin(async move {
            let found: Vec<SocketAddr> = match this.lookup_override(&host) {
                Some(ip) => vec![SocketAddr::new(ip, 0)],
                None => tokio::net::lookup_host((host.as_str(), 0)).await?.collect(),
            };
            let kept = this.filter(&host, found)?;
            let addrs: Addrs = Box::new(kept.into_iter());
            Ok(addrs)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn class(s: &str) -> AddressClass {
        classify(s.parse().unwrap())
    }

    #[test]
    fn ipv4_classes() {
        use AddressClass::*;
        let cases = [
            ("8.8.8.8", Public),
            ("93.184.216.34", Public),
            ("1.1.1.1", Public),
            ("0.0.0.0", Unspecified),
            ("0.1.2.3", ThisNetwork),
            ("127.0.0.1", Loopback),
            ("127.255.255.254", Loopback),
            ("10.0.0.1", Private),
            ("10.255.255.255", Private),
            ("172.16.0.1", Private),
            ("172.31.255.255", Private),
            ("172.15.255.255", Public),
            ("172.32.0.0", Public),
            ("192.168.1.1", Private),
            ("192.169.0.1", Public),
            ("100.64.0.1", SharedCgnat),
            ("100.127.255.255", SharedCgnat),
            ("100.128.0.0", Public),
            ("100.63.255.255", Public),
            ("169.254.169.254", LinkLocal),
            ("169.254.0.1", LinkLocal),
            ("224.0.0.1", Multicast),
            ("239.255.255.255", Multicast),
            ("255.255.255.255", Broadcast),
            ("240.0.0.1", Reserved),
            ("192.0.2.10", Documentation),
            ("198.51.100.1", Documentation),
            ("203.0.113.5", Documentation),
            ("198.18.0.1", Benchmarking),
            ("198.19.255.255", Benchmarking),
            ("198.20.0.0", Public),
            ("192.0.0.8", Protocol),
        ];
        for (ip, want) in cases {
            assert_eq!(class(ip), want, "{ip}");
        }
    }

    #[test]
    fn ipv6_classes() {
        use AddressClass::*;
        let cases = [
            ("2606:4700::1111", Public),
            ("2a00:1450:4001:80b::200e", Public),
            ("::", Unspecified),
            ("::1", Loopback),
            ("fc00::1", UniqueLocal),
            ("fd12:3456::1", UniqueLocal),
            ("fe80::1", LinkLocal),
            ("febf::1", LinkLocal),
            ("fec0::1", Private),
            ("ff02::1", Multicast),
            ("2001:db8::1", Documentation),
            ("2001::1", Protocol),
            ("::7f00:1", Reserved),
            ("100::1", Reserved),
            ("4000::1", Reserved),
            ("64:ff9b:1::1", Private),
        ];
        for (ip, want) in cases {
            assert_eq!(class(ip), want, "{ip}");
        }
    }

    #[test]
    fn ipv6_carrying_ipv4_is_judged_as_ipv4() {
        use AddressClass::*;
        assert_eq!(class("::ffff:127.0.0.1"), Loopback);
        assert_eq!(class("::ffff:169.254.169.254"), LinkLocal);
        assert_eq!(class("::ffff:10.1.2.3"), Private);
        assert_eq!(class("::ffff:8.8.8.8"), Public);
        assert_eq!(class("64:ff9b::7f00:1"), Loopback);
        assert_eq!(class("64:ff9b::808:808"), Public);
        assert_eq!(class("2002:7f00:1::"), Loopback);
        assert_eq!(class("2002:c0a8:101::1"), Private);
        assert_eq!(class("2002:808:808::1"), Public);
    }

    #[test]
    fn refusal_names_address_and_class() {
        assert_eq!(refusal("8.8.8.8".parse().unwrap()), None);
        assert_eq!(
            refusal("169.254.169.254".parse().unwrap()).unwrap(),
            "169.254.169.254 is link-local (cloud metadata)"
        );
        assert_eq!(refusal("::1".parse().unwrap()).unwrap(), "::1 is loopback");
    }

    fn url(s: &str) -> Url {
        Url::parse(s).unwrap()
    }

    #[test]
    fn ip_literal_urls_are_checked() {
        let refused =
            |s: &str| matches!(check_url(&url(s), false), Err(FetchError::Refused { .. }));
        assert!(refused("http://127.0.0.1:8080/"));
        assert!(refused("http://169.254.169.254/latest/meta-data/"));
        assert!(refused("http://[::1]/"));
        assert!(refused("http://[::ffff:7f00:1]/"));
        assert!(refused("http://10.0.0.1/feed"));
        // WHATWG URL parsing turns these spellings into 127.0.0.1 too.
        assert!(refused("http://2130706433/"));
        assert!(refused("http://0x7f.1/"));
        assert!(check_url(&url("http://8.8.8.8/"), false).is_ok());
        assert!(check_url(&url("https://example.com/"), false).is_ok());
        assert!(check_url(&url("http://127.0.0.1/"), true).is_ok());
        assert!(matches!(
            check_url(&url("ftp://example.com/"), false),
            Err(FetchError::BadUrl { .. })
        ));
        assert!(matches!(
            check_url(&url("file:///etc/passwd"), true),
            Err(FetchError::BadUrl { .. })
        ));
    }

    #[test]
    fn overrides_exact_and_wildcard() {
        let lo: IpAddr = "127.0.0.1".parse().unwrap();
        let other: IpAddr = "8.8.8.8".parse().unwrap();
        let r = Resolver::new(
            &[
                ("*.newsroom.test".into(), lo),
                ("Wire.Newsroom.Test.".into(), other),
            ],
            true,
        );
        assert_eq!(r.lookup_override("a.newsroom.test"), Some(lo));
        assert_eq!(r.lookup_override("x.y.NEWSROOM.test."), Some(lo));
        assert_eq!(r.lookup_override("wire.newsroom.test"), Some(other));
        assert_eq!(r.lookup_override("newsroom.test"), None);
        assert_eq!(r.lookup_override("evilnewsroom.test"), None);
    }

    #[test]
    fn filter_drops_internal_addresses() {
        let r = Resolver::new(&[], false);
        let a = |s: &str| SocketAddr::new(s.parse().unwrap(), 0);
        let e = r.filter("h.test", vec![a("127.0.0.1")]).unwrap_err();
        assert_eq!(
            e.reason,
            "h.test resolves to internal addresses only (127.0.0.1 is loopback)"
        );
        let kept = r
            .filter("h.test", vec![a("10.0.0.1"), a("8.8.8.8")])
            .unwrap();
        assert_eq!(kept, vec![a("8.8.8.8")]);
        let open = Resolver::new(&[], true);
        assert_eq!(open.filter("h", vec![a("127.0.0.1")]).unwrap().len(), 1);
    }

    #[tokio::test]
    async fn resolver_refuses_override_to_loopback() {
        let r = Resolver::new(&[("a.test".into(), "127.0.0.1".parse().unwrap())], false);
        let err = r.resolve("a.test".parse().unwrap()).await.err().unwrap();
        assert!(err.to_string().contains("loopback"), "{err}");
        let open = Resolver::new(&[("a.test".into(), "127.0.0.1".parse().unwrap())], true);
        let addrs: Vec<_> = open
            .resolve("a.test".parse().unwrap())
            .await
            .unwrap()
            .collect();
        assert_eq!(addrs, vec!["127.0.0.1:0".parse().unwrap()]);
    }
}
