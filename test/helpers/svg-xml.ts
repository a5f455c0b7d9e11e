/**
 * An independent reader of the figures' SVG: Python's strict XML parser (xml.dom.minidom from
 * /usr/bin/python3), which rejects anything that is not well-formed XML. For each SVG it reports
 * the root, the first two child elements with their text, and the child elements of every group
 * by the group's aria-description (through the groups of facets), with their <title> texts.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export const PYTHON = '/usr/bin/python3';
export const hasPython = existsSync(PYTHON);

export interface SvgSummary {
  readonly ok: boolean;
  readonly error?: string;
  readonly root?: string;
  readonly xmlns?: string;
  readonly role?: string;
  readonly labelledby?: string;
  readonly describedby?: string;
  /** tag, id and text of the first two child elements */
  readonly first?: { tag: string; id: string; text: string }[];
  /** aria-description → child element tags and their titles, in order */
  readonly groups?: Record<string, { tag: string; title: string }[]>;
  /** every element tag with its count */
  readonly tags?: Record<string, number>;
}

const SCRIPT = String.raw`
import json, sys
from xml.dom import minidom
out = []
for svg in json.load(sys.stdin):
    try:
        doc = minidom.parseString(svg.encode('utf-8'))
    except Exception as e:
        out.append({'ok': False, 'error': str(e)}); continue
    r = doc.documentElement
    kids = [c for c in r.childNodes if c.nodeType == c.ELEMENT_NODE]
    text = lambda e: ''.join(t.data for t in e.childNodes if t.nodeType == t.TEXT_NODE)
    groups = {}
    for g in r.getElementsByTagName('g'):
        if g.parentNode.nodeType == g.ELEMENT_NODE and g.parentNode.tagName == 'g' and g.parentNode.getAttribute('aria-description') == g.getAttribute('aria-description'): continue
        d = g.getAttribute('aria-description')
        if d:
            items = []
            def collect(node):
                for c in node.childNodes:
                    if c.nodeType != c.ELEMENT_NODE: continue
                    if c.tagName == 'g': collect(c); continue   # facets nest one group per panel
                    ts = [t for t in c.childNodes if t.nodeType == t.ELEMENT_NODE and t.tagName == 'title']
                    items.append({'tag': c.tagName, 'title': text(ts[0]) if ts else ''})
            collect(g)
            groups.setdefault(d, []).extend(items)
    tags = {}
    for e in r.getElementsByTagName('*'):
        tags[e.tagName] = tags.get(e.tagName, 0) + 1
    out.append({'ok': True, 'root': r.tagName, 'xmlns': r.getAttribute('xmlns'), 'role': r.getAttribute('role'),
                'labelledby': r.getAttribute('aria-labelledby'), 'describedby': r.getAttribute('aria-describedby'),
                'first': [{'tag': k.tagName, 'id': k.getAttribute('id'), 'text': text(k)} for k in kids[:2]],
                'groups': groups, 'tags': tags})
json.dump(out, sys.stdout)
`;

/** Parse SVG texts with Python's strict XML parser. */
export function readSvgs(svgs: readonly string[]): SvgSummary[] {
  const r = spawnSync(PYTHON, ['-c', SCRIPT], { input: JSON.stringify(svgs), encoding: 'utf8', maxBuffer: 1 << 28 });
  if (r.status !== 0) throw new Error(`python3 failed: ${r.stderr}`);
  return JSON.parse(r.stdout) as SvgSummary[];
}
