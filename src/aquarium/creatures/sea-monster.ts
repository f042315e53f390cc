/** The sea monster: one of its forms, slow, in a lane of the water. */
import { visitorOfForms } from './visitor.js';

/** A sea monster passing, in a form picked at random. */
export const seaMonster = visitorOfForms('seaMonster', { speed: [3, 6] });
