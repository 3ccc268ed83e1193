/**
 * An HTTP interaction body (already signature-checked) → an {@link InteractionRequest}. The
 * schema is loose where Discord adds fields, strict where the adapter reads, and bounded.
 */
import { z } from "zod";
import type { InteractionRequest, RawOption } from "./interactions.js";

const snowflake = z.string().regex(/^\d{1,25}$/);

const rawOption: z.ZodType<RawOption> = z.lazy(() =>
  z.object({
    name: z.string().min(1).max(32),
    type: z.number().int(),
    value: z.union([z.string().max(6000), z.number(), z.boolean()]).optional(),
    focused: z.boolean().optional(),
    options: z.array(rawOption).max(25).optional(),
  }),
);

interface ModalComponent {
  readonly custom_id?: string | undefined;
  readonly value?: unknown;
  readonly components?: readonly ModalComponent[] | undefined;
  readonly component?: ModalComponent | undefined;
}

const modalComponent: z.ZodType<ModalComponent> = z.lazy(() =>
  z
    .object({
      custom_id: z.string().max(100).optional(),
      value: z.unknown().optional(),
      components: z.array(modalComponent).max(25).optional(),
      component: modalComponent.optional(),
    })
    .loose(),
);

const envelope = z
  .object({
    type: z.number().int(),
    id: snowflake,
    application_id: snowflake,
    token: z.string().min(1).max(1000),
    data: z.unknown().optional(),
    message: z.object({ flags: z.number().int().optional() }).loose().optional(),
  })
  .loose();

const commandData = z
  .object({
    name: z.string().min(1).max(32),
    type: z.number().int().optional(),
    options: z.array(rawOption).max(25).optional(),
  })
  .loose();
const componentData = z
  .object({ custom_id: z.string().max(100), component_type: z.number().int() })
  .loose();
const modalData = z
  .object({ custom_id: z.string().max(100), components: z.array(modalComponent).max(25) })
  .loose();

export type ParsedPayload =
  | {
      readonly ok: true;
      readonly request: InteractionRequest;
      readonly id: string;
      readonly token: string;
      readonly applicationId: string;
    }
  | { readonly ok: false; readonly problem: string };

/** Reads an interaction body; `problem` says what did not fit (for a 400 and the log). */
export function parseInteractionPayload(json: unknown): ParsedPayload {
  if (typeof json === "object" && json !== null && (json as { type?: unknown }).type === 1) {
    return { ok: true, request: { kind: "ping" }, id: "", token: "", applicationId: "" };
  }
  const parsed = envelope.safeParse(json);
  if (!parsed.success)
    return { ok: false, problem: `not an interaction: ${z.prettifyError(parsed.error)}` };
  const { type, data, id, token, application_id: applicationId } = parsed.data;
  const ephemeral = ((parsed.data.message?.flags ?? 0) & 64) !== 0;
  const done = (request: InteractionRequest): ParsedPayload => ({
    ok: true,
    request,
    id,
    token,
    applicationId,
  });
  switch (type) {
    case 2:
    case 4: {
      const command = commandData.safeParse(data);
      if (!command.success)
        return { ok: false, problem: `command data: ${z.prettifyError(command.error)}` };
      if (command.data.type !== undefined && command.data.type !== 1)
        return done({ kind: "unsupported", what: "context-menu commands" });
      return done({
        kind: type === 2 ? "command" : "autocomplete",
        name: command.data.name,
        options: command.data.options ?? [],
      });
    }
    case 3: {
      const component = componentData.safeParse(data);
      if (!component.success)
        return { ok: false, problem: `component data: ${z.prettifyError(component.error)}` };
      if (component.data.component_type !== 2)
        return done({ kind: "unsupported", what: "select menus" });
      return done({ kind: "button", customId: component.data.custom_id, ephemeral });
    }
    case 5: {
      const modal = modalData.safeParse(data);
      if (!modal.success)
        return { ok: false, problem: `modal data: ${z.prettifyError(modal.error)}` };
      const fields: Record<string, string> = {};
      collectFields(modal.data.components, fields);
      return done({ kind: "modal", customId: modal.data.custom_id, fields, ephemeral });
    }
    default:
      return done({ kind: "unsupported", what: `interactions of type ${type}` });
  }
}

/** Text inputs sit in action rows (or, in newer modals, in labels): collect them all. */
function collectFields(components: readonly ModalComponent[], into: Record<string, string>): void {
  for (const component of components) {
    if (component.custom_id !== undefined && typeof component.value === "string")
      into[component.custom_id] = component.value;
    if (component.components) collectFields(component.components, into);
    if (component.component) collectFields([component.component], into);
  }
}
