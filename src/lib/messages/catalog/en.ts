import type { MessageCatalog } from "../types"

/** English: the catalog's fallback, and the language of note bodies. */
export const en: MessageCatalog = {
  "systemNotes.accountLocked": ({ locked_until, lock_count }, f) =>
    `Account locked until ${f.dateTime(locked_until)} after repeated failed logins (lock #${lock_count} in 24 h).`,
  "systemNotes.accountLockedNoEnd": ({ lock_count }) =>
    `Account locked after repeated failed logins (lock #${lock_count} in 24 h).`,
  "systemNotes.accountUnlocked": ({ admin }) => `Account unlocked by ${admin}`,
  "systemNotes.accountUnlockedByPasswordReset": () => "Account unlocked by a completed password reset",
  "systemNotes.lockCountersReset": ({ admin }) => `Failed-login counters reset by ${admin}`,
  "systemNotes.ipUnblocked": ({ ip, admin }) => `Login block on IP ${ip} lifted by ${admin}`,
  "systemNotes.ipCountReset": ({ ip, admin }) => `Failed-login count of IP ${ip} reset by ${admin}`,
  "systemNotes.passwordResetSent": ({ admin }) => `Password reset link sent by ${admin}`,
  "systemNotes.passwordSet": ({ admin }) => `Password set by ${admin}`,

  "emails.greeting": ({ first_name }) => (first_name ? `Hello ${first_name},` : "Hello,"),
  "emails.passwordReset.subject": () => "Reset your password",
  "emails.passwordReset.intro": ({ requested_by }) =>
    requested_by === "admin"
      ? "Our customer service sent you this link to choose a new password for your account."
      : "We received a request to reset the password of your account.",
  "emails.passwordReset.action": () => "Choose a new password",
  "emails.passwordReset.validity": ({ valid_minutes }) =>
    `The link works once, for ${valid_minutes} minutes.`,
  "emails.passwordReset.ignore": () =>
    "If you did not ask for this, ignore this e-mail: your password stays as it is.",
  "emails.accountLocked.subject": () => "Your account has been locked",
  "emails.accountLocked.body": ({ locked_until }, f) =>
    locked_until
      ? `After several failed login attempts, your account is locked until ${f.dateTime(locked_until)}.`
      : "After several failed login attempts, your account is locked for now.",
  "emails.accountLocked.resetHint": () => "Reset your password to unlock your account right away.",
  "emails.emailVerification.subject": () => "Confirm your e-mail address",
  "emails.emailVerification.intro": () => "Please confirm that this e-mail address belongs to your account.",
  "emails.emailVerification.action": () => "Confirm e-mail address",
  "emails.emailVerification.validity": ({ valid_minutes }) => `The link is valid for ${valid_minutes} minutes.`,
  "emails.emailVerification.ignore": () => "If you did not create an account, you can ignore this e-mail.",
  "emails.assistanceStarted.subject": () => "Store staff signed in to your account",
  "emails.assistanceStarted.body": ({ staff_name, ends_at }, f) =>
    `${staff_name ?? "A member of our store staff"} signed in to your account to help you, as you allowed. The session ends at ${f.dateTime(ends_at)} at the latest.`,
  "emails.assistanceStarted.reason": ({ reason }) => `Reason given: ${reason}`,
  "emails.assistanceStarted.hint": () =>
    "If you did not ask for help, turn off shopping assistance in your account: that ends the session at once.",
  "emails.passwordBreached.subject": () => "Please change your password",
  "emails.passwordBreached.body": () =>
    "The password you signed in with appears in a list of passwords leaked in data breaches at other services. Your account with us was not breached, but attackers try such passwords first.",
  "emails.passwordBreached.action": () =>
    "Change your password in your account, to one you do not use anywhere else. If you used this password elsewhere, change it there too.",
  "emails.mfaReset.subject": () => "Two-step verification was removed from your account",
  "emails.mfaReset.body": () =>
    "At your request, our customer service removed the two-step verification (authenticator app and recovery codes) from your account. You now sign in with your password only.",
  "emails.mfaReset.hint": () =>
    "Set up two-step verification again in your account. If you did not ask for this, reset your password and contact us right away.",
  "emails.emailVerification.changeIntro": () =>
    "Please confirm this e-mail address: once you do, you sign in with it instead of your current one.",
  "emails.emailVerification.changeIgnore": () =>
    "If you did not ask for this, ignore this e-mail: nothing changes until the address is confirmed.",
  "emails.emailChanged.subject": () => "Your sign-in e-mail address was changed",
  "emails.emailChanged.body": ({ new_email }) =>
    `The e-mail address you sign in with was changed to ${new_email}. This address no longer signs in to your account.`,
  "emails.emailChanged.hint": () => "If you did not do this, contact us right away.",
  "emails.newDeviceLogin.subject": () => "New sign-in to your account",
  "emails.newDeviceLogin.body": ({ at, ip, device }, f) =>
    `Your account was signed in to on ${f.dateTime(at)} from a device or network we have not seen recently` +
    `${device ? ` (${device}` : ""}${device && ip ? `, IP ${ip})` : device ? ")" : ip ? ` (IP ${ip})` : ""}.`,
  "emails.newDeviceLogin.hint": () =>
    "If this was you, there is nothing to do. If not, reset your password right away.",
  "emails.userAccountLocked.subject": () => "Your admin login has been locked",
  "emails.userAccountLocked.body": ({ locked_until }, f) =>
    locked_until
      ? `After several failed login attempts, your admin login is locked until ${f.dateTime(locked_until)}.`
      : "After several failed login attempts, your admin login is locked for now.",
  "emails.userAccountLocked.unlockHint": () =>
    "Another admin can unlock your account, or reset your password to unlock it right away.",
}
