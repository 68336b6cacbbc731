/** The attendance tables and lists of the procès-verbal: present (in the room, remote), excused, absent. */
import { Decimal } from 'decimal.js';
import type { PersonRef, Session } from '../../model/types.js';
import { agree, formatNumber, NBSP } from '../../model/french.js';

function attendanceTable(rows: Session['attendance']['room'], heading: string) {
  let voices = new Decimal(0);
  let anyVoices = false;
  let proxies = 0;
  const viewRows = rows.map((row, index) => {
    if (row.voices) {
      voices = voices.plus(row.voices.value);
      anyVoices = true;
    }
    proxies += row.proxies.length;
    return {
      index: index + 1,
      name: row.person.name.trim(),
      proxies: row.proxies.map((proxy) => proxy.name.trim()),
      voices: row.voices ? formatNumber(row.voices.value, row.voices.decimals) : '',
      ...(row.substituteFor ? { substituteFor: row.substituteFor.name.trim() } : {}),
    };
  });
  return {
    heading,
    /** A Voix column only when the PV states voices: a council without weighted voices prints none. */
    withVoices: anyVoices,
    rows: viewRows,
    total: {
      members: `${formatNumber(rows.length)}${NBSP}${agree(rows.length, 'présent')}`,
      proxies: `${formatNumber(proxies)}${NBSP}${agree(proxies, 'pouvoir')}`,
      voices: anyVoices ? formatNumber(voices) : '',
    },
  };
}

/** A numbered list of names in two column pairs when it is long, as the reference PV prints the excused members. */
function namesList(people: PersonRef[], heading: string, singular: string) {
  const entries = people.map((person, index) => ({ index: index + 1, name: person.name.trim() }));
  const columns = entries.length > 12 ? 2 : 1;
  const perColumn = Math.ceil(entries.length / columns);
  const rows: Array<Array<{ index: number | string; name: string }>> = [];
  for (let row = 0; row < perColumn; row++) {
    const cells = [];
    for (let column = 0; column < columns; column++) {
      cells.push(entries[column * perColumn + row] ?? { index: '', name: '' });
    }
    rows.push(cells);
  }
  return {
    heading,
    columns: Array.from({ length: columns }, (_, k) => k),
    rows,
    totalSpan: columns * 2 - 1,
    total: `${formatNumber(entries.length)}${NBSP}${agree(entries.length, singular)}`,
  };
}

export function attendanceView(session: Session) {
  const { room, remote, excused, absent } = session.attendance;
  const tables = [];
  if (room.length > 0 || remote.length === 0) tables.push(attendanceTable(room, 'Présents'));
  if (remote.length > 0) tables.push(attendanceTable(remote, 'Présents en téléconférence'));
  const lists = [];
  if (excused.length > 0) lists.push(namesList(excused, 'Excusés', 'excusé'));
  if (absent.length > 0) lists.push(namesList(absent, 'Absents', 'absent'));
  return { tables, lists };
}
