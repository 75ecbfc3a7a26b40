/** The one piece of jstat (no published types) that aggregate.ts uses: Student's t quantile. */
declare module 'jstat' {
  const jStat: { readonly studentt: { inv(p: number, dof: number): number } };
  export default jStat;
}
