import { Checkbox, Group, NativeSelect } from '@mantine/core';
import { useT } from '../../i18n/i18n';
import { ROLE_SCOPES, ROLES, SCOPES, type Role } from './staffRoles';

/** Role select plus scope checkboxes; the role's own scopes are ticked and fixed, others can be added. */
export function RoleScopesFields({ role, extra, onRole, onExtra, idPrefix }: {
  role: Role;
  extra: string[];
  onRole: (r: Role) => void;
  onExtra: (s: string[]) => void;
  idPrefix: string;
}) {
  const { t } = useT();
  const fixed = new Set<string>(ROLE_SCOPES[role]);
  return (
    <>
      <NativeSelect label={t('staff.role')} value={role} onChange={(e) => onRole(e.currentTarget.value as Role)}
        data={ROLES.map((r) => ({ value: r, label: t(`staff.role.${r}`) }))} />
      <Checkbox.Group label={t('staff.scopes')} value={[...new Set([...fixed, ...extra])]} onChange={(v) => onExtra(v.filter((s) => !fixed.has(s)))}>
        <Group mt={4} gap="sm">
          {SCOPES.map((s) => (
            <Checkbox key={s} id={`${idPrefix}-${s}`} value={s} label={t(`staff.scope.${s}`)} disabled={fixed.has(s)} />
          ))}
        </Group>
      </Checkbox.Group>
    </>
  );
}
