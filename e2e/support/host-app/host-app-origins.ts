// The host app of the cross-origin e2e test listens on one loopback port; its page is reached under
// two origins: localhost (which the test lets an admin allow) and 127.0.0.1 (which nobody allows).
export const HOST_APP_PORT = Number(process.env.E2E_HOST_PORT ?? 3101);
export const HOST_ORIGIN = `http://localhost:${HOST_APP_PORT}`;
export const REFUSED_HOST_ORIGIN = `http://127.0.0.1:${HOST_APP_PORT}`;
