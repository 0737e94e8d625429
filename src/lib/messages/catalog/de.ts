import type { MessageCatalog } from "../types"

/** German. */
export const de: MessageCatalog = {
  "systemNotes.accountLocked": ({ locked_until, lock_count }, f) =>
    `Konto nach wiederholten fehlgeschlagenen Anmeldungen gesperrt bis ${f.dateTime(locked_until)} (Sperre Nr. ${lock_count} in 24 Std.).`,
  "systemNotes.accountLockedNoEnd": ({ lock_count }) =>
    `Konto nach wiederholten fehlgeschlagenen Anmeldungen gesperrt (Sperre Nr. ${lock_count} in 24 Std.).`,
  "systemNotes.accountUnlocked": ({ admin }) => `Konto entsperrt von ${admin}`,
  "systemNotes.accountUnlockedByPasswordReset": () =>
    "Konto durch abgeschlossene Passwortzurücksetzung entsperrt",
  "systemNotes.lockCountersReset": ({ admin }) => `Zähler fehlgeschlagener Anmeldungen zurückgesetzt von ${admin}`,
  "systemNotes.ipUnblocked": ({ ip, admin }) => `Anmeldesperre der IP ${ip} aufgehoben von ${admin}`,
  "systemNotes.ipCountReset": ({ ip, admin }) =>
    `Zähler fehlgeschlagener Anmeldungen der IP ${ip} zurückgesetzt von ${admin}`,
  "systemNotes.passwordResetSent": ({ admin }) => `Link zum Zurücksetzen des Passworts gesendet von ${admin}`,
  "systemNotes.passwordSet": ({ admin }) => `Passwort gesetzt von ${admin}`,

  "emails.greeting": ({ first_name }) => (first_name ? `Hallo ${first_name},` : "Guten Tag,"),
  "emails.passwordReset.subject": () => "Passwort zurücksetzen",
  "emails.passwordReset.intro": ({ requested_by }) =>
    requested_by === "admin"
      ? "Unser Kundenservice hat Ihnen diesen Link gesendet, damit Sie ein neues Passwort für Ihr Konto wählen können."
      : "Wir haben eine Anfrage erhalten, das Passwort Ihres Kontos zurückzusetzen.",
  "emails.passwordReset.action": () => "Neues Passwort wählen",
  "emails.passwordReset.validity": ({ valid_minutes }) =>
    `Der Link funktioniert einmal, ${valid_minutes} Minuten lang.`,
  "emails.passwordReset.ignore": () =>
    "Wenn Sie das nicht angefordert haben, ignorieren Sie diese E-Mail: Ihr Passwort bleibt unverändert.",
  "emails.accountLocked.subject": () => "Ihr Konto wurde gesperrt",
  "emails.accountLocked.body": ({ locked_until }, f) =>
    locked_until
      ? `Nach mehreren fehlgeschlagenen Anmeldeversuchen ist Ihr Konto bis ${f.dateTime(locked_until)} gesperrt.`
      : "Nach mehreren fehlgeschlagenen Anmeldeversuchen ist Ihr Konto vorerst gesperrt.",
  "emails.accountLocked.resetHint": () =>
    "Setzen Sie Ihr Passwort zurück, um Ihr Konto sofort zu entsperren.",
  "emails.emailVerification.subject": () => "Bestätigen Sie Ihre E-Mail-Adresse",
  "emails.emailVerification.intro": () => "Bitte bestätigen Sie, dass diese E-Mail-Adresse zu Ihrem Konto gehört.",
  "emails.emailVerification.action": () => "E-Mail-Adresse bestätigen",
  "emails.emailVerification.validity": ({ valid_minutes }) => `Der Link ist ${valid_minutes} Minuten gültig.`,
  "emails.emailVerification.ignore": () => "Wenn Sie kein Konto angelegt haben, können Sie diese E-Mail ignorieren.",
  "emails.assistanceStarted.subject": () => "Unser Team hat sich in Ihrem Konto angemeldet",
  "emails.assistanceStarted.body": ({ staff_name, ends_at }, f) =>
    `${staff_name ?? "Ein Mitglied unseres Teams"} hat sich mit Ihrer Erlaubnis in Ihrem Konto angemeldet, um Ihnen zu helfen. Die Sitzung endet spätestens am ${f.dateTime(ends_at)}.`,
  "emails.assistanceStarted.reason": ({ reason }) => `Angegebener Grund: ${reason}`,
  "emails.assistanceStarted.hint": () =>
    "Wenn Sie keine Hilfe angefragt haben, schalten Sie die Einkaufshilfe in Ihrem Konto aus: Das beendet die Sitzung sofort.",
  "emails.passwordBreached.subject": () => "Bitte ändern Sie Ihr Passwort",
  "emails.passwordBreached.body": () =>
    "Das Passwort, mit dem Sie sich angemeldet haben, steht in einer Liste von Passwörtern, die bei Datenlecks anderer Dienste veröffentlicht wurden. Ihr Konto bei uns ist nicht betroffen, aber Angreifer probieren solche Passwörter zuerst.",
  "emails.passwordBreached.action": () =>
    "Ändern Sie Ihr Passwort in Ihrem Konto in eines, das Sie nirgendwo sonst verwenden. Falls Sie dieses Passwort auch anderswo nutzen, ändern Sie es dort ebenfalls.",
  "emails.mfaReset.subject": () => "Die Zwei-Faktor-Anmeldung wurde von Ihrem Konto entfernt",
  "emails.mfaReset.body": () =>
    "Auf Ihre Bitte hat unser Kundenservice die Zwei-Faktor-Anmeldung (Authenticator-App und Wiederherstellungscodes) von Ihrem Konto entfernt. Sie melden sich jetzt nur mit Ihrem Passwort an.",
  "emails.mfaReset.hint": () =>
    "Richten Sie die Zwei-Faktor-Anmeldung in Ihrem Konto erneut ein. Wenn Sie das nicht veranlasst haben, setzen Sie sofort Ihr Passwort zurück und kontaktieren Sie uns.",
  "emails.emailVerification.changeIntro": () =>
    "Bitte bestätigen Sie diese E-Mail-Adresse: Danach melden Sie sich mit ihr statt mit Ihrer bisherigen an.",
  "emails.emailVerification.changeIgnore": () =>
    "Wenn Sie das nicht angefordert haben, ignorieren Sie diese E-Mail: Bis zur Bestätigung ändert sich nichts.",
  "emails.emailChanged.subject": () => "Ihre Anmelde-E-Mail-Adresse wurde geändert",
  "emails.emailChanged.body": ({ new_email }) =>
    `Die E-Mail-Adresse, mit der Sie sich anmelden, wurde in ${new_email} geändert. Mit dieser Adresse können Sie sich nicht mehr anmelden.`,
  "emails.emailChanged.hint": () => "Wenn Sie das nicht waren, kontaktieren Sie uns bitte sofort.",
  "emails.newDeviceLogin.subject": () => "Neue Anmeldung bei Ihrem Konto",
  "emails.newDeviceLogin.body": ({ at, ip, device }, f) =>
    `Am ${f.dateTime(at)} hat sich jemand von einem Gerät oder Netzwerk, das wir zuletzt nicht gesehen haben, bei Ihrem Konto angemeldet` +
    `${device ? ` (${device}` : ""}${device && ip ? `, IP ${ip})` : device ? ")" : ip ? ` (IP ${ip})` : ""}.`,
  "emails.newDeviceLogin.hint": () =>
    "Wenn Sie das waren, ist nichts zu tun. Wenn nicht, setzen Sie Ihr Passwort bitte sofort zurück.",
  "emails.userAccountLocked.subject": () => "Ihre Admin-Anmeldung wurde gesperrt",
  "emails.userAccountLocked.body": ({ locked_until }, f) =>
    locked_until
      ? `Nach mehreren fehlgeschlagenen Anmeldeversuchen ist Ihre Admin-Anmeldung bis ${f.dateTime(locked_until)} gesperrt.`
      : "Nach mehreren fehlgeschlagenen Anmeldeversuchen ist Ihre Admin-Anmeldung vorerst gesperrt.",
  "emails.userAccountLocked.unlockHint": () =>
    "Ein anderer Admin kann Ihr Konto entsperren, oder Sie setzen Ihr Passwort zurück, um es sofort zu entsperren.",
}
