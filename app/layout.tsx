import type { Metadata } from "next";
import { GeistMono } from "geist/font/mono";
import { GeistSans } from "geist/font/sans";
import { connection } from "next/server";
import { DemoNotice } from "@/components/auth/demo-notice";
import { isDemoSignInEnabled } from "@/server/auth/sign-in-config";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Feedback Kit", template: "%s · Feedback Kit" },
  description: "Thumbs up/down feedback on assistant messages, reviewed into golden examples.",
};

export default async function RootLayout({ children }: Readonly<{ children: React.ReactNode }>) {
  // Every page renders per request: its CSP nonce (proxy.ts) and DEMO_SIGN_IN exist only at run time.
  await connection();
  return (
    <html lang="en" className={`${GeistSans.variable} ${GeistMono.variable}`}>
      <body className="min-h-screen font-sans antialiased">
        {isDemoSignInEnabled() ? <DemoNotice /> : null}
        {children}
      </body>
    </html>
  );
}
