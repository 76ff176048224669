// Members (owner only): who works in the workspace and with what role. An owner changes a
// role, takes someone out, or gives an existing account a role; the server refuses what
// would leave the workspace without an owner, and its message is shown as it is.

import { useState } from 'preact/hooks';
import type { Members, Role } from '../api';
import { apiUrl, removeMember, sendJson } from '../api';
import { useApp } from '../app_context';
import { ErrorBox, Loading, Panel } from '../components';
import { useApi } from '../hooks';
import { t, tk } from '../i18n';

const ROLES: readonly Role[] = ['owner', 'member', 'viewer'];

function RoleSelect({
  id,
  value,
  label,
  onChange,
}: {
  id: string;
  value: Role;
  label: string;
  onChange: (role: Role) => void;
}) {
  return (
    <select
      id={id}
      aria-label={label}
      value={value}
      onChange={(e) => onChange((e.target as HTMLSelectElement).value as Role)}
    >
      {ROLES.map((role) => (
        <option key={role} value={role}>
          {tk(`store.role.${role}`)}
        </option>
      ))}
    </select>
  );
}

export function MembersPage() {
  const { lang, session } = useApp();
  const loaded = useApi<Members>(apiUrl('/members'));
  const [members, setMembers] = useState<Members | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>('member');
  const shown = members ?? loaded.data;

  const act = async (change: () => Promise<Members>) => {
    setProblem(null);
    try {
      setMembers(await change());
    } catch (reason) {
      setProblem(reason instanceof Error ? reason.message : String(reason));
    }
  };
  const setMember = (who: string, to: Role) =>
    act(() => sendJson<Members>('PUT', apiUrl('/members', { lang }), { email: who, role: to }));

  if (loaded.error) return <ErrorBox error={loaded.error} onRetry={loaded.reload} />;
  if (!shown) return <Loading />;
  return (
    <>
      <h1>{t('members.title')}</h1>
      <Panel title={t('members.list')} help={t('members.help')}>
        {problem && (
          <p class="error-box" role="alert">
            {problem}
          </p>
        )}
        <table class="members">
          <thead>
            <tr>
              <th scope="col">{t('members.email')}</th>
              <th scope="col">{t('members.role')}</th>
              <th scope="col">
                <span class="visually-hidden">{t('members.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {shown.members.map((m) => (
              <tr key={m.email}>
                <th scope="row">
                  {m.email}
                  {m.email === session.user && ` (${t('members.you')})`}
                </th>
                <td>
                  <RoleSelect
                    id={`role-${m.email}`}
                    value={m.role}
                    label={t('members.role_of', m.email)}
                    onChange={(to) => void setMember(m.email, to)}
                  />
                </td>
                <td>
                  <button
                    type="button"
                    class="link-button"
                    onClick={() => void act(() => removeMember(m.email, lang))}
                  >
                    {t('members.remove', m.email)}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </Panel>
      <Panel title={t('members.add')} help={t('members.add_help')}>
        <form
          class="add-member"
          onSubmit={(e) => {
            e.preventDefault();
            void setMember(email.trim(), role).then(() => setEmail(''));
          }}
        >
          <div class="field">
            <label for="member-email">{t('members.email')}</label>
            <input
              id="member-email"
              type="email"
              required
              value={email}
              onInput={(e) => setEmail((e.target as HTMLInputElement).value)}
            />
          </div>
          <div class="field">
            <label for="member-role">{t('members.role')}</label>
            <RoleSelect
              id="member-role"
              value={role}
              label={t('members.role')}
              onChange={setRole}
            />
          </div>
          <button type="submit">{t('members.add_submit')}</button>
        </form>
      </Panel>
    </>
  );
}
