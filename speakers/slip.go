package speakers

// minSlipSurname is the shortest surname a one-letter slip may join:
// short surnames that differ by a letter are often two families (Meyer and
// Mayer, Marti and Martin), long ones rarely (Kowalczyk and Kowalczik).
const minSlipSurname = 7
