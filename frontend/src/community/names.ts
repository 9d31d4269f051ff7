import type { TFunction } from 'i18next';

/** The name shown for an author or actor: the copy kept at write time, or "deleted member" once they left. */
export function memberName(name: string | null | undefined, deleted: boolean | undefined, t: TFunction): string {
  if (deleted || !name) return t('deletedMember', { ns: 'community' });
  return name;
}
