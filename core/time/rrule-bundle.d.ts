// The CommonJS bundle rrule.ts imports by path (see there why) is the library itself; its types are the package's.
declare module 'rrule/dist/es5/rrule.js' {
  const rrule: typeof import('rrule');
  export default rrule;
}
