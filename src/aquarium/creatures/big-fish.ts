/** The big fish: one of its forms, in a lane of the water, letting out bubbles. */
import { visitorOfForms } from './visitor.js';

/** A big fish passing, in a form picked at random. */
export const bigFish = visitorOfForms('bigFish', { speed: [4, 8], breathes: true });
