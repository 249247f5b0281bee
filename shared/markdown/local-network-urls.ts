import ipaddr from 'ipaddr.js';

/**
 * Address ranges that lead into the reader's own machine or network: a page that loads a
 * resource from one of them fires a request at a local service (a CSRF on a router or a dev
 * server, a cloud metadata endpoint) the moment it is opened.
 */
const localRanges: ReadonlySet<string> = new Set([
  'unspecified',
  'broadcast',
  'loopback',
  'private',
  'linkLocal',
  'carrierGradeNat',
  'uniqueLocal',
  'deprecatedSiteLocal',
]);

/**
 * IPv6 ranges whose last 32 bits are an IPv4 address that the packet really goes to (mapped,
 * translated, NAT64): judged by that IPv4 address.
 */
const embeddingRanges: ReadonlySet<string> = new Set(['ipv4Mapped', 'rfc6145', 'rfc6052']);

/** Names that resolve only inside the reader's machine or network, whatever DNS says. */
const localNameSuffixes = ['localhost', 'local', 'internal', 'home.arpa'];

/** A base with a public name: relative URLs resolve against it, so they are never local. */
const neutralBase = 'https://folio.invalid/';

/**
 * True when `host` (a hostname as the WHATWG URL parser writes it: lower case, IPv4 in dotted
 * decimal, IPv6 in brackets, percent-encoding decoded) is an address in a local range, or a
 * name that only resolves locally: `localhost` and `*.localhost` (Chromium answers them with
 * loopback itself), mDNS `*.local`, `*.internal`, `*.home.arpa`, and single-label names (the
 * resolver completes them with the local search domain: `http://router/`). Other names are
 * names: `127.0.0.1.nip.io` or `localhost.example.com` are judged by nobody before DNS, and
 * Folio does not resolve names while rendering.
 */
export function isLocalNetworkHost(host: string): boolean {
  const bracketed = host.startsWith('[') && host.endsWith(']');
  const bare = bracketed ? host.slice(1, -1) : host;
  // The URL parser writes an IPv4 address in dotted decimal and an IPv6 one in brackets: a
  // name (most hosts) skips ipaddr's parsing, which costs more than the rest of this check.
  if ((bracketed || /^[\d.]+$/.test(bare)) && ipaddr.isValid(bare)) return isLocalAddress(ipaddr.parse(bare));
  const name = bare.replace(/\.+$/, '');
  if (name === '' || !name.includes('.')) return true;
  return localNameSuffixes.some((suffix) => name === suffix || name.endsWith(`.${suffix}`));
}

function isLocalAddress(address: ipaddr.IPv4 | ipaddr.IPv6): boolean {
  if (address.kind() === 'ipv6') {
    const v6 = address as ipaddr.IPv6;
    const parts = v6.parts;
    const compatible = parts.slice(0, 6).every((part) => part === 0) && (parts[6]! !== 0 || parts[7]! > 1);
    if (compatible || embeddingRanges.has(v6.range())) {
      const bytes = v6.toByteArray().slice(12);
      return isLocalAddress(new ipaddr.IPv4(bytes));
    }
  }
  return localRanges.has(address.range());
}

/**
 * True when `url`, as a browser would load it from a page, goes to a local host (see
 * {@link isLocalNetworkHost}). Parsed with the WHATWG URL parser, as the browser does, so every
 * spelling of an address counts as the address: decimal (`http://2130706433/`), octal
 * (`0177.0.0.1`), hex (`0x7f.1`), short (`127.1`), IPv4-mapped IPv6 (`[::ffff:7f00:1]`),
 * trailing dots, upper case, percent-encoding, user info (`http://evil@127.0.0.1`) and
 * protocol-relative `//127.0.0.1/x`. Relative URLs and URLs that do not parse are not local
 * (they load nothing from a host, or nothing at all); only `http:` and `https:` are judged.
 */
export function isLocalNetworkUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url, neutralBase);
  } catch {
    return false;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return false;
  return isLocalNetworkHost(parsed.hostname);
}
