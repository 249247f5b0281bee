import { describe, expect, it } from 'vitest';
import { isLocalNetworkHost, isLocalNetworkUrl, renderMarkdown } from '../../../shared/markdown';

/** Each local host in the spellings a browser reads as that host. */
const localSpellings: Record<string, readonly string[]> = {
  'loopback 127.0.0.1': [
    'http://127.0.0.1/x',
    'https://127.0.0.1:9222/json',
    'http://127.1/',
    'http://127.0.1/',
    'http://2130706433/',
    'http://0x7f000001/',
    'http://0x7f.1/',
    'http://0177.0.0.1/',
    'http://0177.1/',
    'http://127.0.0.1./',
    'http://127.0.0.1%2e/',
    'http://%31%32%37.0.0.1/',
    'http://evil.example@127.0.0.1/',
    'http://user:pass@127.0.0.1:80/',
    'http://１２７．０．０．１/',
    '//127.0.0.1/x',
    ' \thttp://127.0.0.1/',
    'HTTP://127.0.0.1/',
  ],
  'loopback 127.255.255.254': ['http://127.255.255.254/', 'http://2147483646/'],
  'loopback ::1': ['http://[::1]/', 'http://[0:0:0:0:0:0:0:1]/', 'http://[::0001]/'],
  'IPv4-mapped loopback': [
    'http://[::ffff:127.0.0.1]/',
    'http://[::ffff:7f00:1]/',
    'http://[0:0:0:0:0:ffff:127.0.0.1]/',
    'http://[::127.0.0.1]/',
    'http://[64:ff9b::127.0.0.1]/',
  ],
  localhost: [
    'http://localhost:3000/api/delete?all=1',
    'http://localhost./',
    'http://localhost../',
    'http://LOCALHOST/',
    'http://LocalHost./',
    'http://foo.localhost/',
    'http://a.b.localhost./',
    'http://%6c%6f%63%61%6c%68%6f%73%74/',
    'http://evil.example@localhost/',
    '//localhost/x',
  ],
  'unspecified 0.0.0.0': ['http://0.0.0.0/', 'http://0/', 'http://0x0/', 'http://[::]/', 'http://000.0.0.0/'],
  'private 10/8': ['http://10.0.0.1/', 'http://10.255.255.255/', 'http://012.0.0.1/', 'http://167772161/'],
  'private 172.16/12': ['http://172.16.0.1/', 'http://172.31.255.255/', 'http://0xac.0x10.0.1/'],
  'private 192.168/16': [
    'http://192.168.1.1/',
    'http://192.168.0.1./',
    'http://3232235777/',
    'http://[::ffff:c0a8:101]/',
  ],
  'unique local fc00::/7': ['http://[fc00::1]/', 'http://[fd12:3456::1]/'],
  'link-local 169.254/16': [
    'http://169.254.169.254/latest/meta-data/',
    'http://2852039166/',
    'http://[::ffff:a9fe:a9fe]/',
  ],
  'link-local fe80::/10': ['http://[fe80::1]/', 'http://[febf::1]/'],
  'carrier-grade NAT 100.64/10': ['http://100.64.0.1/', 'http://100.127.255.255/'],
  broadcast: ['http://255.255.255.255/', 'http://4294967295/'],
  'local-only names': [
    'http://router/',
    'http://intranet:8080/admin',
    'http://printer.local/',
    'http://nas.home.arpa/',
    'http://metadata.google.internal/computeMetadata/v1/',
  ],
};

/** Hosts that only look local: names are judged as names, public addresses as public. */
const publicSpellings: readonly string[] = [
  'https://example.com/a.png',
  'http://127.example.com/',
  'http://localhost.example.com/',
  'http://localhost-.example.com/',
  'http://10.0.0.1.nip.io/',
  'http://127.0.0.1.nip.io/',
  'http://my-localhost.com/',
  'http://8.8.8.8/',
  'http://128.0.0.1/',
  'http://172.32.0.1/',
  'http://172.15.255.255/',
  'http://192.169.0.1/',
  'http://100.128.0.1/',
  'http://169.255.0.1/',
  'http://11.0.0.1/',
  'http://[2001:db8::1]/',
  'http://[2606:4700::1111]/',
  'http://[::ffff:8.8.8.8]/',
  'images/a.png',
  '../a.png',
  '/a.png',
  '#top',
  'a:b',
  'mailto:me@localhost',
  'data:image/png;base64,AAAA',
  'http://[invalid/',
];

describe('local network URLs', () => {
  for (const [host, spellings] of Object.entries(localSpellings)) {
    it(`finds ${host} in every spelling`, () => {
      expect(spellings.filter((url) => !isLocalNetworkUrl(url))).toEqual([]);
    });
  }

  it('leaves public hosts, names that only contain an address, relative URLs and other schemes alone', () => {
    expect(publicSpellings.filter((url) => isLocalNetworkUrl(url))).toEqual([]);
  });

  it('judges hosts as the URL parser writes them', () => {
    expect(isLocalNetworkHost('[::1]')).toBe(true);
    expect(isLocalNetworkHost('localhost.')).toBe(true);
    expect(isLocalNetworkHost('example.com')).toBe(false);
    expect(isLocalNetworkHost('')).toBe(true);
  });
});

describe('resources on local hosts in the pipeline', () => {
  const all = Object.values(localSpellings).flat();

  it('drops every self-loading URL to a local host, whatever its spelling', () => {
    for (const url of all) {
      const html = renderMarkdown(`<img src="${url}" alt="y">`);
      expect(html, url).not.toMatch(/src=/);
      expect(html, url).toContain('alt="y"');
      // Markdown percent-encodes white space and IPv6 brackets: what is left of such a URL is a
      // relative path or no URL at all, so nothing it names can load from the host.
      const src = /src="([^"]*)"/.exec(renderMarkdown(`![x](<${url}>)`))?.[1];
      if (src === undefined) continue;
      let host: string | null;
      try {
        host = new URL(src).hostname;
      } catch {
        host = null;
      }
      expect(host, url).toBeNull();
    }
  });

  it('keeps links to local hosts: they load nothing until followed', () => {
    const html = renderMarkdown(
      '[dev server](http://localhost:3000/) and <a href="http://127.0.0.1/">raw</a>',
    );
    expect(html).toContain('href="http://localhost:3000/"');
    expect(html).toContain('href="http://127.0.0.1/"');
  });

  it('keeps resources on public hosts and relative paths', () => {
    const html = renderMarkdown(
      '![a](https://example.com/a.png) ![b](images/b.png) ![c](http://127.example.com/c.png)',
    );
    expect(html).toContain('src="https://example.com/a.png"');
    expect(html).toContain('src="images/b.png"');
    expect(html).toContain('src="http://127.example.com/c.png"');
  });

  it('lets no local URL through any element or attribute that loads by itself', () => {
    const url = 'http://127.0.0.1:9222/json';
    const html = renderMarkdown(
      [
        `<video src="${url}" poster="${url}"><source src="${url}"><track src="${url}"></video>`,
        `<audio src="${url}"></audio>`,
        `<picture><source srcset="${url} 1x, https://example.com/a.png 2x"><img src="${url}" srcset="${url}"></picture>`,
        `<input type="image" src="${url}">`,
        `<object data="${url}"></object><embed src="${url}">`,
        `<table background="${url}"><tr><td background="${url}">x</td></tr></table>`,
        `<iframe src="${url}"></iframe><link rel="stylesheet" href="${url}">`,
        `<svg><image href="${url}"></image></svg>`,
        `<div style="background:url(${url})">x</div>`,
      ].join('\n\n'),
    );
    expect(html).not.toContain('127.0.0.1');
  });
});
