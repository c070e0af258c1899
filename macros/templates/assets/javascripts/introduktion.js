/* Journeys (introduktionsspår): remembers ticks and the journey a reader follows (localStorage only). */
