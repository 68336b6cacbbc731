import { attendanceSeats } from './attendance-seats.js';
import { voteSingle } from './vote-single.js';
import { voteNames } from './vote-names.js';
import { attendanceAnnouncedTotals } from './attendance-announced-totals.js';
import type { Rule } from '../rule.js';
import { attendanceDuplicate } from './attendance-duplicate.js';
import { attendanceNameVariant } from './attendance-name-variant.js';
import { attendanceRowVoices } from './attendance-row-voices.js';
import { attendanceStatedFigures } from './attendance-stated-figures.js';
import { attendanceUnknownPerson } from './attendance-unknown-person.js';
import { compositionTotal } from './composition-total.js';
import { convocationDelay } from './convocation-delay.js';
import { deliberationNumbering } from './deliberation-numbering.js';
import { legalMentions } from './legal-mentions.js';
import { htmlSanitized } from './html-sanitized.js';
import { bodyFaithful } from './body-faithful.js';
import { fontCoverage } from './font-coverage.js';
import { proxyCompteAdministratif } from './proxy-compte-administratif.js';
import { proxyCycle } from './proxy-cycle.js';
import { proxyGiverAbsent } from './proxy-giver-absent.js';
import { proxyLimit } from './proxy-limit.js';
import { proxySingle } from './proxy-single.js';
import { quorum } from './quorum.js';
import { voteCount } from './vote-count.js';
import { voteOutcome } from './vote-outcome.js';

/** The procedural rules: composition, attendance, proxies, quorum, votes, mentions, convocation, numbering. */
export const procedureRules: Rule[] = [
  compositionTotal,
  attendanceRowVoices,
  attendanceStatedFigures,
  attendanceAnnouncedTotals,
  attendanceSeats,
  attendanceNameVariant,
  attendanceDuplicate,
  attendanceUnknownPerson,
  proxyGiverAbsent,
  proxyLimit,
  proxySingle,
  proxyCycle,
  proxyCompteAdministratif,
  quorum,
  voteCount,
  voteOutcome,
  voteSingle,
  voteNames,
  legalMentions,
  convocationDelay,
  deliberationNumbering,
  htmlSanitized,
  bodyFaithful,
  fontCoverage,
];
