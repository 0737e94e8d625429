import { deferredWork } from "../../../src/lib/deferred-work"

/**
 * Loaded after the test framework in every HTTP spec (jest.config.js,
 * `setupFilesAfterEnv`): a test ends only once the work its requests left
 * behind (src/lib/deferred-work.ts: a login's breach screening, reset and
 * verification e-mails) has run. Without it that work lands in the next
 * test, after its database restore and its own resets: CI once saw the
 * breach screening of one test's login among the next test's range
 * requests (breached-passwords.spec.ts, "do not screen a password the local
 * rules already refuse"). This hook is on the root block, so it runs after
 * the test runner's own afterEach and before the next test's beforeEach.
 */
afterEach(async () => {
  await deferredWork.settled()
})
