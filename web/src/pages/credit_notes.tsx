// The credit notes of a client's statement (GET /clients/{id}/statement, `credit_notes`), as
// the receivables statement and the client page show them: date, number, the invoice each
// corrects, amount and reason. A long reason is shortened; its whole text is the title.

import type { CreditNote } from '../api';
import { date, money } from '../format';
import { t } from '../i18n';
import { TableWrap } from '../components';

// Characters of a reason shown before it is cut with an ellipsis.
const REASON_SHOWN = 60;

// `text` cut to REASON_SHOWN characters (whole code points) with an ellipsis when longer.
export function shortReason(text: string): string {
  const chars = Array.from(text);
  return chars.length <= REASON_SHOWN ? text : `${chars.slice(0, REASON_SHOWN - 1).join('')}…`;
}

export function CreditNotesTable({ notes, currency }: { notes: CreditNote[]; currency: string }) {
  return (
    <TableWrap>
      <table class="credit-notes-table">
        <thead>
          <tr>
            <th scope="col">{t('col.date')}</th>
            <th scope="col">{t('col.credit_note')}</th>
            <th scope="col">{t('col.invoice')}</th>
            <th scope="col" class="num">
              {t('col.amount')}
            </th>
            <th scope="col">{t('col.reason')}</th>
          </tr>
        </thead>
        <tbody>
          {notes.map((note) => {
            const reason = shortReason(note.reason);
            return (
              <tr key={note.credit_note} data-credit-note={note.credit_note}>
                <td>{date(note.date)}</td>
                <td>
                  <code>{note.credit_note}</code>
                </td>
                <td>
                  <code>{note.invoice}</code>
                </td>
                <td class="num">{money(note.amount, currency)}</td>
                <td class="reason" title={reason !== note.reason ? note.reason : undefined}>
                  {reason}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableWrap>
  );
}
