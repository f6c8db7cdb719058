export { Random } from '../../lib/random';
