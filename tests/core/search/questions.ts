/**
 * Student-style questions about the reading, written from the text as a seminar student would ask
 * them (paraphrases, typos, acronyms), with the paragraphs that answer them. Not tuned to the index.
 */
export interface Question {
  readonly ask: string;
  /** Paragraph numbers of the shipped reading that answer the question; any one counts. */
  readonly answers: readonly number[];
}

export const QUESTIONS: readonly Question[] = [
  { ask: "Is the JEF legally binding?", answers: [13] },
  { ask: "why not just use the joint expeditionary force", answers: [13] },
  { ask: "what's the problem with the MoU", answers: [13] },
  { ask: "Baltic sea deterrence JEF states", answers: [13] },
  { ask: "what is the European Israel scenario", answers: [10] },
  { ask: "why isnt arming ukraine enough", answers: [10] },
  { ask: "art. 5 and art 42(7) mutual defence", answers: [10] },
  { ask: "what happened with finland and sweden ratification", answers: [11] },
  { ask: "UK assurances may 2022", answers: [11] },
  { ask: "which countries would join the coalitoin of the wiling", answers: [12] },
  { ask: "can cautious states block the coalition", answers: [12] },
  { ask: "why is a coalition faster to set up", answers: [12] },
  { ask: "will the coalition replace NATO membership", answers: [13] },
  { ask: "what should G7 states consider when procuring ammo", answers: [6] },
  { ask: "offensive weapons on the battlefield", answers: [4] },
  { ask: "what is the most vital support for Ukraine right now", answers: [4] },
  { ask: "interoperability at the industrial level between G7 and Ukraine", answers: [6] },
  { ask: "reliance on partners overdue decision making", answers: [5] },
  { ask: "long-term bilateral support from the G-7", answers: [5] },
  { ask: "maintenance and repair of weapon systems", answers: [6] },
  { ask: "what is EUMAM", answers: [8] },
  { ask: "joint ventures for tanks and drones", answers: [8] },
  { ask: "EDIRPA and ASAP joint procurement pilot project", answers: [8] },
  { ask: "can ukraine join PESCO projects as a third state", answers: [9] },
  { ask: "what does CARD do", answers: [9] },
  { ask: "do eastern flank countries care about the EU's security role", answers: [7] },
  { ask: "is security just about providing aid", answers: [7, 14] },
  { ask: "why would EU membership matter militarily for ukraine", answers: [7] },
  { ask: "is NATO membership the only reliable guarantee", answers: [2, 3] },
  { ask: "nuclear umbrella and collective defence", answers: [3] },
  { ask: "how does the G7-EU-coalition nexus work", answers: [2, 3] },
  { ask: "what does the commentary mainly suggest in its conclusions", answers: [14] },
  { ask: "does the ELN endorse the author's views", answers: [15] },
  { ask: "who wrote this series of articles", answers: [1] },
  { ask: "should guarantees be discussed only after the war", answers: [14] },
  { ask: "treaty at two levels multilateral and bilateral", answers: [13] },
];
