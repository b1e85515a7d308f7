//! The laptop's address on the local network: where phones in the room
//! reach the server. Only a private IPv4 address qualifies, so the room is
//! never served on a public interface by default.

use std::net::IpAddr;

/// The first private IPv4 address of this machine's interfaces (not the
/// loopback), or `None` when it has none (no network: the caller falls
/// back to loopback and says so).
pub fn local_address() -> Option<IpAddr> {
    let interfaces = if_addrs::get_if_addrs().ok()?;
    choose(interfaces.iter().map(|i| i.ip()))
}

/// The choice rule: the first address that is IPv4, private (10/8,
/// 172.16/12, 192.168/16) and not loopback. Link-local (169.254/16) and
/// public addresses are passed over, and so is IPv6 (phones type or scan
/// an IPv4 URL far more reliably).
fn choose(addresses: impl IntoIterator<Item = IpAddr>) -> Option<IpAddr> {
    addresses.into_iter().find(|a| match a {
        IpAddr::V4(v4) => v4.is_private() && !v4.is_loopback(),
        IpAddr::V6(_) => false,
    })
}

#[cfg(test)]
mod tests {
    use super::choose;
    use std::net::IpAddr;

    fn ips(list: &[&str]) -> Vec<IpAddr> {
        list.iter().map(|a| a.parse().unwrap()).collect()
    }

    #[test]
    fn the_first_private_ipv4_is_chosen() {
        let found = choose(ips(&[
            "127.0.0.1",
            "::1",
            "fe80::1",
            "169.254.3.4",
            "82.64.10.1",
            "192.168.1.20",
            "10.0.0.5",
        ]));
        assert_eq!(found, Some("192.168.1.20".parse().unwrap()));
        assert_eq!(
            choose(ips(&["172.20.0.3", "10.0.0.5"])),
            Some("172.20.0.3".parse().unwrap())
        );
    }

    #[test]
    fn no_private_ipv4_means_none() {
        assert_eq!(
            choose(ips(&["127.0.0.1", "::1", "2001:db8::1", "8.8.8.8"])),
            None
        );
        assert_eq!(choose(Vec::new()), None);
        // 172.32/16 lies outside 172.16/12.
        assert_eq!(choose(ips(&["172.32.0.1"])), None);
    }
}
