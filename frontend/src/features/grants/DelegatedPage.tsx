export function DelegatedPage() { return null; }
