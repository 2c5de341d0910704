import { describe, expect, it } from 'vitest';
import { auditManifest, auditText } from '../../scripts/lib/static-audit';

describe('auditText', () => {
  it.each([
    ['eval', 'var x=eval("1+1")'],
    ['eval', 'window.eval (code)'],
    ['new-function', 'const f=new Function("a","return a")'],
    ['function-from-string', 'Function(`return this`)()'],
    ['string-timer', 'setTimeout("alert(1)",10)'],
    ['fetch', 'await fetch(url)'],
    ['fetch', 'self.fetch(`https://x.example`)'],
    ['network-api', 'new XMLHttpRequest'],
    ['network-api', 'navigator.sendBeacon(u,d)'],
    ['network-api', 'new WebSocket("wss://x")'],
    ['network-api', 'new EventSource(u)'],
    ['import-scripts', 'importScripts("a.js")'],
    ['remote-import', 'import("https://cdn.example/x.js")'],
    ['remote-script', '<script src="https://cdn.example/x.js"></script>'],
    ['remote-script', "<script type=module src='//cdn.example/x.js'>"],
    ['html-from-string', 'el.innerHTML = html'],
    ['html-from-string', 'el.outerHTML=s'],
    ['html-from-string', 'el.insertAdjacentHTML("beforeend", s)'],
    ['html-from-string', 'document.write(s)'],
  ])('flags %s in %s', (rule, code) => {
    expect(auditText('x.js', code).map((finding) => finding.rule)).toContain(rule);
  });

  it.each([
    'const evaluation = evaluate(x)',
    'prefetch(link); refetch()',
    'const isFunction = typeof x === "function"; Function.prototype.call',
    'setTimeout(() => check(), 10)',
    'if (el.innerHTML == other) {}',
    '<script src="/content-scripts/panel.js"></script>',
    'import("./chunk.js")',
    'const doc = "XMLHttp" + "Request is a word here"',
  ])('leaves clean code alone: %s', (code) => {
    expect(auditText('x.js', code)).toEqual([]);
  });

  it("allows only Preact's dangerouslySetInnerHTML assignment", () => {
    expect(auditText('panel.js', 'd?(s||(e.innerHTML=d.__html),t.__k=[])')).toEqual([]);
    expect(auditText('panel.js', 'e.innerHTML=d.html')).toHaveLength(1);
  });

  it('allows a fetch only of a file packaged with the extension', () => {
    expect(auditText('background.js', 'r=fetch(e.runtime.getURL(`/${n}`)).then(')).toEqual([]);
    expect(auditText('background.js', 'r=fetch(e.runtime.id+"x")')).toHaveLength(1);
    expect(
      auditText('background.js', 'r=fetch(`https://x.example/${e.runtime.getURL(n)}`)'),
    ).toHaveLength(1);
  });

  it('says where each finding is', () => {
    const [finding] = auditText('background.js', 'a;b;fetch("https://x.example/track");c');
    expect(finding).toMatchObject({ file: 'background.js', rule: 'fetch' });
    expect(finding?.excerpt).toContain('x.example/track');
  });
});

describe('auditManifest', () => {
  it('accepts a manifest that gives pages no way in', () => {
    expect(auditManifest({ manifest_version: 3, permissions: ['storage'] })).toEqual([]);
  });

  it('accepts the panel page framed on pages, at the per-session address only (MV3)', () => {
    const framed = {
      resources: ['sidepanel.html'],
      matches: ['<all_urls>'],
      use_dynamic_url: true,
    };
    expect(auditManifest({ manifest_version: 3, web_accessible_resources: [framed] })).toEqual([]);
    expect(
      auditManifest({ manifest_version: 2, web_accessible_resources: ['sidepanel.html'] }),
    ).toEqual([]);
  });

  it.each([
    ['externally-connectable', { externally_connectable: { matches: ['https://*/*'] } }],
    [
      'web-accessible',
      { web_accessible_resources: [{ resources: ['x.png'], matches: ['<all_urls>'] }] },
    ],
    [
      'web-accessible',
      {
        manifest_version: 3,
        web_accessible_resources: [{ resources: ['sidepanel.html'], matches: ['<all_urls>'] }],
      },
    ],
    [
      'web-accessible',
      {
        manifest_version: 3,
        web_accessible_resources: [
          {
            resources: ['sidepanel.html', 'x.png'],
            matches: ['<all_urls>'],
            use_dynamic_url: true,
          },
        ],
      },
    ],
    [
      'web-accessible',
      { manifest_version: 2, web_accessible_resources: ['sidepanel.html', 'x.js'] },
    ],
    ['csp', { content_security_policy: { extension_pages: "script-src 'self' 'unsafe-eval'" } }],
    [
      'csp',
      { content_security_policy: { extension_pages: "script-src 'self' https://cdn.example" } },
    ],
  ])('flags %s', (rule, manifest) => {
    expect(auditManifest(manifest).map((finding) => finding.rule)).toEqual([rule]);
  });
});
