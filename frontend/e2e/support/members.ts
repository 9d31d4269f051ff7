import { randomUUID } from 'node:crypto';
import { type APIRequestContext, type Page, expect } from '@playwright/test';
import { verifyThroughMail } from './mail';

/** A member made for one test. */
export type Member = {
  email: string;
  password: string;
  displayName: string;
};

/** An email no other test (or earlier run against the same database) has used. */
export function uniqueEmail(label = 'member'): string {
  const slug = label.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 24) || 'member';
  return `e2e-${slug}-${randomUUID().slice(0, 8)}@example.com`;
}

/**
 * Signs a member up through the API (POST /api/v1/auth/signup), so that tests about other screens do not all walk
 * through the sign-up form; the sign-up spec itself uses the form. The address is then verified through the real
 * mail (the local run's mail viewer), since publishing, posting and commenting need it. Not logged in afterwards.
 */
export async function signUp(request: APIRequestContext, label = 'member'): Promise<Member> {
  const member = await signUpUnverified(request, label);
  await verifyThroughMail(request, member.email);
  return member;
}

/** A member signed up through the API whose address is not verified yet (the link waits in the mail viewer). */
export async function signUpUnverified(request: APIRequestContext, label = 'member'): Promise<Member> {
  const member: Member = {
    email: uniqueEmail(label),
    // Long, mixed and never reused: the password policy refuses weak ones.
    password: `e2e-${randomUUID().slice(0, 12)}-Chorus-9`,
    displayName: 'E2E 프로듀서',
  };
  const answer = await request.post('/api/v1/auth/signup', {
    data: { email: member.email, password: member.password, displayName: member.displayName, kind: 'producer' },
  });
  expect(answer.status(), `sign-up through the API: ${await answer.text()}`).toBe(202);
  return member;
}

/**
 * Logs `member` in through the app's own login page, as a person does (the access token lives only in the page's
 * memory, so there is no shortcut through the API). Finds the fields by their labels in either language: the login
 * page must label them "Email"/"이메일" and "Password"/"비밀번호" and name its button "Log in"/"로그인" (or "Sign
 * in"). Returns once the app has left the login page.
 */
export async function logIn(page: Page, member: Member, path = '/login'): Promise<void> {
  await page.goto(path);
  await page.getByLabel(/^(e-?mail|email address|이메일)/i).fill(member.email);
  await page.getByLabel(/^(password|비밀번호)/i).first().fill(member.password);
  await page.getByRole('button', { name: /^(log ?in|sign ?in|로그인)$/i }).click();
  await expect(page).not.toHaveURL(/\/login(\?|$)/);
}

/** A fresh member, signed up through the API and logged in through the app's login page. */
export async function signUpAndLogIn(page: Page, label = 'member'): Promise<Member> {
  const member = await signUp(page.request, label);
  await logIn(page, member);
  return member;
}
