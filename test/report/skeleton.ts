/**
 * The structure of a derivation, for golden comparison: section headings, the kind of each
 * step, the left-hand sides of every display and the shape of every table — not the bytes.
 */
import { type Derivation, plainText } from '../../src/index.js';

export type Skeleton = { title: string; sections: { heading: string; steps: string[] }[] };

/** `display: f_{1}` (left-hand sides), `table: layer | …` (header), `prose`, `note info`. */
export function skeleton(d: Derivation): Skeleton {
  const sections: Skeleton['sections'] = [{ heading: '(top)', steps: [] }];
  for (const s of d.steps) {
    const cur = sections[sections.length - 1]!;
    switch (s.kind) {
      case 'heading':
        sections.push({ heading: `${'#'.repeat(s.level)} ${s.text}`, steps: [] });
        break;
      case 'display':
        cur.steps.push(`display: ${s.rows.map((r) => r.lhs).join(' | ')}`);
        break;
      case 'table':
        // the header only: row counts belong to the data (and the numeric check chooses its own rows)
        cur.steps.push(`table: ${s.header.map(plainText).join(' | ')}`);
        break;
      case 'prose':
        cur.steps.push('prose');
        break;
      case 'note':
        cur.steps.push(`note ${s.tone}`);
        break;
      case 'figure':
        cur.steps.push(`figure: ${s.figure.kind}`);
        break;
    }
  }
  return { title: d.title, sections: sections.filter((x) => x.heading !== '(top)' || x.steps.length > 0) };
}
