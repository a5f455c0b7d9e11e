/**
 * The explorer's example buttons: the networks of the seed documents (../shared/seeds/), as the
 * tests and notebooks name them. Plain data, imported by the page's HTML shell (no library code).
 */

export interface Example {
  /** the button's label */
  readonly label: string;
  /** what the seed document asks of this network */
  readonly title: string;
  readonly spec: string;
  /** CSV, empty for none */
  readonly data: string;
  readonly l2: 'none' | 'generic';
}

/** seed 000's data: y = (x² − 1)² at six points, two of them perturbed (examples/quartic.csv). */
const QUARTIC_CSV = 'x1,y1\n-2,9\n-1,1/2\n0,1\n1,0\n2,10\n3,64\n';

export const EXAMPLES: readonly Example[] = [
  { label: 'seed 000 · 1-2-1 quadratic', title: 'Can we analytically solve neural networks? A quadratic 1-2-1 network is a quartic in x.', spec: '1-2-1:quadratic', data: '', l2: 'none' },
  { label: 'seed 001 · 2-2-2-2 linear', title: 'Does the backprop recursion have a closed form? For identity activations, δ is a product of transposed weight matrices.', spec: '2-2-2-2:identity', data: '', l2: 'none' },
  { label: 'seed 002 · 3-2-3-4 arctan', title: "The backpropagation equations of jkmiller's notes: arctan sigmoid, loss ½Σ(aᴸ − a*)².", spec: '3-2-3-4:arctan_sigmoid:half', data: '', l2: 'none' },
  { label: 'seed 003 · 3-2-1 ReLU', title: 'The closed-form expression of a 3-2-1 ReLU network without biases.', spec: '3-2-1:relu,identity:nobias', data: '', l2: 'none' },
  { label: 'seed 004 · 3-4-1 rows', title: 'Identity activation reduces the two-layer network to linear regression, β = W₁W₂ (row layout).', spec: '3-4-1:identity:rows', data: '', l2: 'none' },
  {
    label: 'seed 000 with data',
    title: 'A quadratic network with a linear output on six points of a perturbed quartic: exact least squares, and every critical point with a random L2 term (it takes a few seconds).',
    spec: '1-2-1:quadratic,identity:nobias',
    data: QUARTIC_CSV,
    l2: 'generic',
  },
];
