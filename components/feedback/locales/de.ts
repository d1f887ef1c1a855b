// An example second language: German texts and the default reason options' labels.
// Use: <FeedbackProvider labels={feedbackLabelsDe} reasonLabels={reasonLabelsDe}>.
import type { FeedbackLabelOverrides, ReasonLabelOverrides } from "../feedback-labels";

export const feedbackLabelsDe: FeedbackLabelOverrides = {
  positive: "Gute Antwort",
  negative: "Schlechte Antwort",
  group: "Diese Antwort bewerten",
  saved: "Feedback gespeichert",
  removed: "Feedback entfernt",
  addReason: "Begründung hinzufügen",
  editReason: "Begründung bearbeiten",
  promptTitle: { positive: "Was war gut?", negative: "Was war falsch?" },
  promptOptional: "Ihre Bewertung ist gespeichert. Erzählen Sie uns gern mehr.",
  promptNotSaved: "Ihre Bewertung ist noch nicht gespeichert. Senden Sie sie, gern mit Begründung.",
  promptRequired: "Für diese Bewertung ist eine Begründung nötig: Wählen Sie eine aus oder schreiben Sie eine Notiz.",
  reasons: "Gründe",
  note: "Notiz",
  characterCount: (count, max) => `${count} / ${max}`,
  send: "Senden",
  sending: "Wird gesendet …",
  skip: "Überspringen",
  cancel: "Abbrechen",
  retry: "Erneut versuchen",
  errors: {
    generic: "Ihr Feedback konnte nicht gespeichert werden.",
    network: "Sie scheinen offline zu sein: Ihr Feedback wurde nicht gespeichert.",
    load: "Ihr bisheriges Feedback konnte nicht geladen werden.",
    reasonRequired: "Bitte wählen Sie einen Grund oder schreiben Sie eine Notiz.",
    reasonTooLong: "Die Notiz ist zu lang.",
    reasonOptionsChanged: "Die angebotenen Gründe haben sich geändert; bitte wählen Sie erneut.",
    forbidden: "Feedback ist hier nicht verfügbar.",
    notFound: "Diese Antwort kann nicht mehr bewertet werden.",
    busy: "Ihr Feedback wurde gleichzeitig an anderer Stelle geändert.",
  },
};

export const reasonLabelsDe: ReasonLabelOverrides = {
  positive: { accurate: "Zutreffend", helpful: "Hilfreich", well_explained: "Gut erklärt" },
  negative: { incorrect: "Falsch", incomplete: "Unvollständig", outdated: "Veraltet", unsafe: "Unsicher oder unangemessen" },
};
