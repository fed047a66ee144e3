package slug

// letters transliterates lowercase letters that NFKD does not reduce to
// ASCII. Cyrillic follows a plain English-style romanisation (Путин → putin),
// Greek the ELOT-like one, Arabic and Hebrew their consonants (the scripts
// mostly omit vowels). An empty value drops the letter (soft and hard signs).
var letters = map[rune]string{
	// Latin letters without a decomposition.
	'ł': "l", 'đ': "d", 'ð': "d", 'ß': "ss", 'ø': "o", 'æ': "ae", 'œ': "oe",
	'þ': "th", 'ı': "i", 'ħ': "h", 'ŧ': "t", 'ŋ': "ng", 'ĸ': "k", 'ſ': "s",
	'ƒ': "f", 'ɐ': "a", 'ə': "e", 'ɛ': "e", 'ɔ': "o", 'ʒ': "z",

	// Cyrillic (Russian, Ukrainian, Belarusian, Serbian, Kazakh).
	'а': "a", 'б': "b", 'в': "v", 'г': "g", 'д': "d", 'е': "e", 'ё': "yo",
	'ж': "zh", 'з': "z", 'и': "i", 'й': "y", 'к': "k", 'л': "l", 'м': "m",
	'н': "n", 'о': "o", 'п': "p", 'р': "r", 'с': "s", 'т': "t", 'у': "u",
	'ф': "f", 'х': "kh", 'ц': "ts", 'ч': "ch", 'ш': "sh", 'щ': "shch",
	'ъ': "", 'ы': "y", 'ь': "", 'э': "e", 'ю': "yu", 'я': "ya",
	'є': "ye", 'і': "i", 'ї': "yi", 'ґ': "g", 'ў': "u",
	'ђ': "dj", 'ј': "j", 'љ': "lj", 'њ': "nj", 'ћ': "c", 'џ': "dz",
	'ә': "a", 'ғ': "g", 'қ': "q", 'ң': "n", 'ө': "o", 'ұ': "u", 'ү': "u", 'һ': "h",

	// Greek (accents are stripped by NFKD first).
	'α': "a", 'β': "v", 'γ': "g", 'δ': "d", 'ε': "e", 'ζ': "z", 'η': "i",
	'θ': "th", 'ι': "i", 'κ': "k", 'λ': "l", 'μ': "m", 'ν': "n", 'ξ': "x",
	'ο': "o", 'π': "p", 'ρ': "r", 'σ': "s", 'ς': "s", 'τ': "t", 'υ': "y",
	'φ': "f", 'χ': "ch", 'ψ': "ps", 'ω': "o",

	// Arabic and Persian consonants and long vowels.
	'ا': "a", 'أ': "a", 'إ': "i", 'آ': "a", 'ٱ': "a", 'ب': "b", 'پ': "p",
	'ت': "t", 'ث': "th", 'ج': "j", 'چ': "ch", 'ح': "h", 'خ': "kh", 'د': "d",
	'ذ': "dh", 'ر': "r", 'ز': "z", 'ژ': "zh", 'س': "s", 'ش': "sh", 'ص': "s",
	'ض': "d", 'ط': "t", 'ظ': "z", 'ع': "a", 'غ': "gh", 'ف': "f", 'ق': "q",
	'ك': "k", 'ک': "k", 'گ': "g", 'ل': "l", 'م': "m", 'ن': "n", 'ه': "h",
	'ة': "a", 'و': "w", 'ؤ': "w", 'ي': "y", 'ی': "y", 'ى': "a", 'ئ': "y",
	'ء': "",

	// Hebrew.
	'א': "a", 'ב': "b", 'ג': "g", 'ד': "d", 'ה': "h", 'ו': "v", 'ז': "z",
	'ח': "h", 'ט': "t", 'י': "y", 'כ': "k", 'ך': "k", 'ל': "l", 'מ': "m",
	'ם': "m", 'נ': "n", 'ן': "n", 'ס': "s", 'ע': "", 'פ': "p", 'ף': "f",
	'צ': "ts", 'ץ': "ts", 'ק': "k", 'ר': "r", 'ש': "sh", 'ת': "t",
}
