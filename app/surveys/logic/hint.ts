import type { TFunction } from "i18next";
import type { PublicQuestion } from "../answer-schema.js";
import { optionLabel } from "../i18n/localize.js";
import type { Logic, LogicOp } from "./rules.js";

const OP_KEYS: Record<LogicOp, string> = {
  equals: "logicEquals",
  any_of: "logicAnyOf",
  at_least: "logicAtLeast",
  answered: "logicAnswered",
  not_answered: "logicNotAnswered",
};

/**
 * "Only if “Industry” is “Healthcare”." in the prospect's language (the form's `logic*` keys),
 * with the questions' translated prompts and option labels: what a question that depends on an
 * answer on its own page says before the script takes over (and always without JavaScript).
 */
export function logicHint(logic: Logic, questions: readonly PublicQuestion[], t: TFunction): string {
  const quote = (value: string) => t("logicValue", { value });
  const conditions = logic.conditions.map((c) => {
    const target = questions.find((q) => q.id === c.questionId);
    const question = target ? quote(target.prompt) : t("logicRemoved");
    const values = c.values.map((v) => quote(target ? optionLabel(target, v) : v));
    return t(OP_KEYS[c.op], { question, values });
  });
  return t(logic.combine === "all" ? "logicOnlyIfAll" : "logicOnlyIfAny", { conditions });
}
