/// <reference types="astro/client" />

declare module 'virtual:sdk-types/*' {
  const declarations: string;
  export default declarations;
}
