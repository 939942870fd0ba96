// One judge per kind of claim value. The table is exhaustive: a new value kind does not compile
// until it has a judge.
import { type ClaimKind } from '../../../knowledge/types';
import { type SentenceView } from '../../reader/sentence';
import { type Candidate } from '../candidates';
import { type Verdict } from '../verdict';
import { judgeDate } from './date';
import { judgeEntity } from './entity';
import { judgeOrdinal } from './ordinal';
import { judgePreference } from './preference';
import { judgeQuantifier } from './quantifier';
import { judgeQuantity } from './quantity';
import { judgeRole } from './role';
import { judgeSet } from './set';
import { judgeStance } from './stance';

export type Judge = (view: SentenceView, candidate: Candidate, all: readonly Candidate[]) => Verdict | undefined;

export const judges: Record<ClaimKind, Judge> = {
  quantity: judgeQuantity,
  year: judgeDate,
  date: judgeDate,
  period: judgeDate,
  ordinal: judgeOrdinal,
  quantifier: judgeQuantifier,
  stance: judgeStance,
  preference: judgePreference,
  entity: judgeEntity,
  set: judgeSet,
  role: judgeRole,
};
