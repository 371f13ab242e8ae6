// The scheduler (Pacemaker's policy engine) is being built under issue 3; this package has no
// public surface yet.
export {};
