// A module that does nothing: importing it is what Node's module loader alone costs.
export {};
