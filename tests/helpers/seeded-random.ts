// The bench's generator, so that tests and generated bench data draw from one implementation.
export { seededRandom } from '../../bench/seeded-random';
