/**
 * The Block Kit shapes our Slack messages use, Slack's limits for them, and their sizes. Our
 * block types are a structural subset of Slack's own.
 */

/** Slack's documented limits, and our own conservative budget for one message. */
export const SLACK_LIMITS = {
  sectionText: 3000,
  /** Slack allows 3000 per text object; context lines are meant to be short. */
  contextText: 2000,
  contextElements: 10,
  headerText: 150,
  buttonText: 75,
  buttonValue: 2000,
  actionsElements: 25,
  blocks: 50,
  /** Ours: characters of text and button values in one message, well under what Slack accepts. */
  messageChars: 12_000,
  /** Ours: the notification fallback; Slack truncates `text` far beyond this. */
  fallbackText: 3000,
  /** Ours: a response_url takes 5 posts; one is left for a later notice. */
  pages: 4,
} as const;

interface PlainText {
  readonly type: "plain_text";
  readonly text: string;
  readonly emoji?: boolean;
}
interface Mrkdwn {
  readonly type: "mrkdwn";
  readonly text: string;
}
interface HeaderBlock {
  readonly type: "header";
  readonly text: PlainText;
}
export interface SectionBlock {
  readonly type: "section";
  readonly text: Mrkdwn;
}
export interface ContextBlock {
  readonly type: "context";
  readonly elements: readonly Mrkdwn[];
}
export interface ButtonElement {
  readonly type: "button";
  readonly text: PlainText;
  readonly action_id: string;
  readonly value: string;
  readonly style?: "primary";
}
interface ActionsBlock {
  readonly type: "actions";
  readonly elements: readonly ButtonElement[];
}
export type Block = HeaderBlock | SectionBlock | ContextBlock | ActionsBlock;

/** One Slack message: blocks plus the plain-text fallback Slack shows in notifications. */
export interface SlackMessage {
  readonly text: string;
  readonly blocks: readonly Block[];
}

export function section(text: string): SectionBlock {
  return { type: "section", text: { type: "mrkdwn", text } };
}

export function context(texts: readonly string[]): ContextBlock {
  return { type: "context", elements: texts.map((text) => ({ type: "mrkdwn", text })) };
}

/** Characters that count toward a message: every text and button value in the block. */
export function blockSize(block: Block): number {
  switch (block.type) {
    case "header":
    case "section":
      return block.text.text.length;
    case "context":
      return block.elements.reduce((sum, e) => sum + e.text.length, 0);
    case "actions":
      return rowSize(block.elements);
  }
}

/** Characters a row of buttons counts toward a message. */
export function rowSize(buttons: readonly ButtonElement[]): number {
  return buttons.reduce(
    (sum, b) => sum + b.text.text.length + b.value.length + b.action_id.length,
    0,
  );
}
