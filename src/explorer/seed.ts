/** The seed of every random choice of the explorer (rank points, descent starts, generic L2): a link reproduces the view. */
export const EXPLORER_SEED = 1;
