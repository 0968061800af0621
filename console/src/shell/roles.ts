// The roles and their Chinese names come from the platform's own list, not a copy.
export { ROLES, ROLE_LABELS, type Role } from '../../../services/kit/src/auth/roles';
