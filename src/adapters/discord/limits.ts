/**
 * Discord's documented limits for messages, embeds, components, commands and modals. The
 * renderer enforces them before anything is sent: Discord rejects the whole message otherwise.
 */
export const LIMITS = {
  content: 2000,
  embedsPerMessage: 10,
  /** Title, description, field names and values, footer text and author name of all embeds together. */
  embedCharsPerMessage: 6000,
  embedTitle: 256,
  embedDescription: 4096,
  fieldsPerEmbed: 25,
  fieldName: 256,
  fieldValue: 1024,
  footerText: 2048,
  customId: 100,
  buttonLabel: 80,
  buttonsPerRow: 5,
  rowsPerMessage: 5,
  autocompleteChoices: 25,
  choiceName: 100,
  choiceValue: 100,
  commandName: 32,
  commandDescription: 100,
  optionsPerCommand: 25,
  optionDescription: 100,
  optionChoices: 25,
  modalTitle: 45,
  textInputLabel: 45,
  textInputPlaceholder: 100,
  textInputValue: 4000,
} as const;
