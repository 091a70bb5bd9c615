import type { GuideSection, Localised } from './dilemma-content.js';

// Preparation guides for "the good conversation" ("het goede gesprek") between manager and employee:
// one for each side of the table, printable. Data only.

interface ConversationGuide {
  title: Localised;
  intro: Localised;
  sections: GuideSection[];
}

export const conversationGuides: { employee: ConversationGuide; manager: ConversationGuide } = {
  employee: {
    title: {
      nl: 'Het goede gesprek: voorbereiding voor de medewerker',
      en: 'The good conversation: preparation for the employee',
    },
    intro: {
      nl: 'Twijfel je over een opdracht, of voel je druk om iets te doen wat volgens jou niet klopt? Een gesprek met je leidinggevende is vaak de eerste en beste stap. Deze gids helpt je om je voor te bereiden: wat je vooraf nagaat, wat je kunt voorstellen, hoe je het zegt, en wat je kunt doen als het antwoord nee is.',
      en: 'Are you in doubt about an assignment, or do you feel pressed to do something you believe is not right? A conversation with your manager is often the first and best step. This guide helps you prepare: what to check beforehand, what you can propose, how to say it, and what you can do if the answer is no.',
    },
    sections: [
      {
        heading: {
          nl: 'Vooraf: toets je lezing',
          en: 'Beforehand: check your reading',
        },
        intro: {
          nl: 'Druk is niet altijd wat het lijkt. Ga eerst na of je de situatie goed leest.',
          en: 'Pressure is not always what it seems. First check whether you are reading the situation correctly.',
        },
        points: [
          {
            nl: 'Wie geeft mij precies deze opdracht, en op grond waarvan? Komt hij van je leidinggevende zelf, van hogerop of uit de politiek?',
            en: 'Who exactly gives me this assignment, and on what basis? Does it come from your manager, from higher up or from politics?',
          },
          {
            nl: 'Wat wordt er precies gevraagd, en wanneer moet het klaar zijn? Schrijf het in je eigen woorden op.',
            en: 'What exactly is being asked, and by when? Write it down in your own words.',
          },
          {
            nl: 'Wat is de bron: heb je het zelf gehoord, staat het op papier, of komt het via iemand anders?',
            en: 'What is the source: did you hear it yourself, is it in writing, or does it come through someone else?',
          },
          {
            nl: 'Welke regels, werkafspraken of beroepsnormen gelden voor deze taak?',
            en: 'Which rules, working agreements or professional standards apply to this task?',
          },
          {
            nl: 'Vraag je af of je iets mist: is er een reden voor de opdracht die je nog niet kent?',
            en: 'Ask yourself whether you are missing something: is there a reason for the assignment that you do not know yet?',
          },
        ],
      },
      {
        heading: {
          nl: 'Wat er op het spel staat',
          en: 'What is at stake',
        },
        intro: null,
        points: [
          {
            nl: 'Wat betekent de opdracht voor jou: voor je professionele oordeel, je verantwoordelijkheid en je gezondheid?',
            en: 'What does the assignment mean for you: for your professional judgement, your responsibility and your health?',
          },
          {
            nl: 'Wat betekent ze voor het publieke belang? Kan beleid op verkeerde informatie komen te rusten, geld worden verspild, een onveilige situatie ontstaan of het publiek worden misleid?',
            en: 'What does it mean for the public interest? Could policy come to rest on wrong information, money be wasted, an unsafe situation arise or the public be misled?',
          },
          {
            nl: 'Wie merkt de gevolgen als het misgaat: burgers, de raad of de Kamer, collega’s?',
            en: 'Who feels the consequences if it goes wrong: citizens, the council or parliament, colleagues?',
          },
          {
            nl: 'Hoe ernstig is het? Niet alle druk is oneigenlijk, en niet elke twijfel vraagt om een melding.',
            en: 'How serious is it? Not all pressure is improper, and not every doubt calls for a report.',
          },
        ],
      },
      {
        heading: {
          nl: 'Alternatieven die je kunt voorstellen',
          en: 'Alternatives you can propose',
        },
        intro: {
          nl: 'Kom niet alleen met een bezwaar, maar ook met een voorstel.',
          en: 'Come not only with an objection, but with a proposal too.',
        },
        points: [
          {
            nl: 'Een andere formulering, die recht doet aan de feiten en zoveel mogelijk aan de wens van de opdrachtgever.',
            en: 'A different wording that does justice to the facts and as far as possible to the client\'s wish.',
          },
          {
            nl: 'Een notitie in het dossier waarin staat wat er is besloten en welk advies er lag.',
            en: 'A note in the file stating what was decided and what advice there was.',
          },
          {
            nl: 'De vraag om de opdracht op papier, met de reden erbij.',
            en: 'A request to have the instruction in writing, with the reason.',
          },
          {
            nl: 'Een collega erbij betrekken, of de kwaliteitstoets gewoon laten doen.',
            en: 'Involving a colleague, or simply letting the quality check take place.',
          },
          {
            nl: 'Meer tijd vragen, zodat het zorgvuldig kan in plaats van snel.',
            en: 'Asking for more time, so that it can be done carefully rather than quickly.',
          },
        ],
      },
      {
        heading: {
          nl: 'Hoe je het zegt',
          en: 'How to say it',
        },
        intro: null,
        points: [
          {
            nl: 'Blijf rustig en concreet: beschrijf wat er wordt gevraagd en waarom je twijfelt.',
            en: 'Stay calm and concrete: describe what is being asked and why you are in doubt.',
          },
          {
            nl: 'Spreek in termen van de taak en de regels, niet van personen of hun motieven.',
            en: 'Speak in terms of the task and the rules, not of people or their motives.',
          },
          {
            nl: 'Begin met een vraag, bijvoorbeeld: ‘Kun je me helpen begrijpen waarom dit zo moet?’',
            en: 'Start with a question, for example: "Can you help me understand why it has to be done this way?"',
          },
          {
            nl: 'Zeg ook wat je wel kunt doen, en doe een voorstel.',
            en: 'Say what you can do as well, and make a proposal.',
          },
          {
            nl: 'Vraag om bedenktijd als je die nodig hebt; je hoeft niet ter plekke te beslissen.',
            en: 'Ask for time to think if you need it; you do not have to decide on the spot.',
          },
        ],
      },
      {
        heading: {
          nl: 'Als het antwoord nee is',
          en: 'If the answer is no',
        },
        intro: {
          nl: 'Een nee is niet het einde. Er zijn meer routes, en je hoeft er niet één te kiezen die alles moet oplossen.',
          en: 'A no is not the end. There are more routes, and you do not have to pick one that must solve everything.',
        },
        points: [
          {
            nl: 'Vraag de opdracht en de redenen ervoor op papier.',
            en: 'Ask for the instruction and its reasons in writing.',
          },
          {
            nl: 'Zeg dat je je bezwaar vastlegt, en doe dat ook.',
            en: 'Say that you will put your objection on record, and do so.',
          },
          {
            nl: 'Neem de tijd: je hoeft niet meteen iets te doen waarvan je denkt dat het niet klopt.',
            en: 'Take your time: you do not have to do straight away something you believe is not right.',
          },
          {
            nl: 'Praat met een vertrouwenspersoon, of leg een morele vraag voor aan het ethiekpanel.',
            en: 'Talk to a confidential advisor, or put a moral question to the ethics panel.',
          },
          {
            nl: 'Meld het bij de onafhankelijke integriteitscommissie; daarvoor hoef je niet eerst langs je leidinggevende.',
            en: 'Report it to the independent integrity commission; you do not have to go through your manager first.',
          },
          {
            nl: 'Ook buiten de organisatie kun je terecht: bij het Huis voor Klokkenluiders, de Nationale ombudsman en je vakbond.',
            en: 'You can also turn to bodies outside the organisation: the Dutch Whistleblowers Authority (Huis voor Klokkenluiders), the National Ombudsman and your union.',
          },
        ],
      },
      {
        heading: {
          nl: 'Na afloop',
          en: 'Afterwards',
        },
        intro: null,
        points: [
          {
            nl: 'Schrijf op wat er is gezegd en door wie, met de datum erbij.',
            en: 'Write down what was said and by whom, with the date.',
          },
          {
            nl: 'Stuur eventueel een korte mail met wat jullie hebben afgesproken: ‘Zoals besproken …’.',
            en: 'If useful, send a short email with what you agreed: "As discussed …".',
          },
          {
            nl: 'Bewaar je eigen aantekeningen zelf, maar neem geen vertrouwelijke stukken van je werk mee.',
            en: 'Keep your own notes yourself, but do not take confidential documents from work.',
          },
          {
            nl: 'Kijk na een paar weken terug: is er gedaan wat is afgesproken?',
            en: 'Look back after a few weeks: has what was agreed been done?',
          },
          {
            nl: 'Let op hoe het met je gaat, en praat erover met iemand die je vertrouwt.',
            en: 'Pay attention to how you are doing, and talk about it with someone you trust.',
          },
        ],
      },
    ],
  },
  manager: {
    title: {
      nl: 'Het goede gesprek: voorbereiding voor de leidinggevende',
      en: 'The good conversation: preparation for the manager',
    },
    intro: {
      nl: 'Tegenspraak is een teken dat medewerkers hun werk serieus nemen. Hoe jij reageert, bepaalt of ze het een volgende keer weer zeggen. Deze gids helpt je om tegenspraak goed te ontvangen, druk van boven door te geven zonder die te versterken, en om te gaan met druk op jezelf.',
      en: 'Contradiction is a sign that staff take their work seriously. How you respond decides whether they will speak up again next time. This guide helps you receive contradiction well, pass on pressure from above without amplifying it, and deal with pressure on yourself.',
    },
    sections: [
      {
        heading: {
          nl: 'Tegenspraak ontvangen',
          en: 'Receiving contradiction',
        },
        intro: null,
        points: [
          {
            nl: 'Bedank de medewerker dat hij of zij het zegt; dat kost vaak moeite.',
            en: 'Thank the employee for saying it; that often takes effort.',
          },
          {
            nl: 'Vraag door: wat is er gevraagd, wat zit je dwars, en wat stel je voor?',
            en: 'Ask further: what was asked, what is bothering you, and what do you propose?',
          },
          {
            nl: 'Luister zonder meteen te verdedigen of uit te leggen.',
            en: 'Listen without immediately defending or explaining.',
          },
          {
            nl: 'Beslis niet ter plekke; neem de tijd om na te gaan wat er speelt.',
            en: 'Do not decide on the spot; take the time to find out what is going on.',
          },
          {
            nl: 'Maak duidelijk dat tegenspraak geen gevolgen heeft voor de beoordeling of voor jullie verhouding, en houd je daaraan.',
            en: 'Make clear that contradiction has no consequences for the appraisal or for your working relationship, and keep to that.',
          },
          {
            nl: 'Zeg wat je gaat doen en wanneer je erop terugkomt, en doe dat ook.',
            en: 'Say what you will do and when you will come back to it, and do so.',
          },
        ],
      },
      {
        heading: {
          nl: 'Politieke of bestuurlijke druk doorgeven',
          en: 'Passing on political or administrative pressure',
        },
        intro: {
          nl: 'Een opgetrokken wenkbrauw kan al als druk worden gevoeld. Je bent geen doorgeefluik, maar ook geen versterker.',
          en: 'A raised eyebrow can already be felt as pressure. You are not a mere relay, but not an amplifier either.',
        },
        points: [
          {
            nl: 'Scheid de politieke wens van het professionele oordeel: het bestuur mag kiezen, maar de feiten blijven de feiten.',
            en: 'Separate the political wish from the professional judgement: the executive may choose, but the facts remain the facts.',
          },
          {
            nl: 'Geef de vraag door, niet de druk: wat wil de bestuurder weten of bereiken, en waarom?',
            en: 'Pass on the question, not the pressure: what does the politician want to know or achieve, and why?',
          },
          {
            nl: 'Zeg waar de professionele ruimte van de medewerker ligt: wat ligt vast, en waarover oordeelt hij of zij zelf?',
            en: 'Say where the official\'s own professional room lies: what is fixed, and what does he or she judge independently?',
          },
          {
            nl: 'Bescherm de kwaliteitstoets; sla die niet over onder tijdsdruk of vanwege een politieke wens.',
            en: 'Protect the quality check; do not skip it under time pressure or because of a political wish.',
          },
          {
            nl: 'Leg opdrachten en besluiten vast, met wie ze gaf en waarom.',
            en: 'Record instructions and decisions, with who gave them and why.',
          },
          {
            nl: 'Ga zelf na waar een wens vandaan komt voordat je hem doorgeeft.',
            en: 'Find out for yourself where a wish comes from before you pass it on.',
          },
        ],
      },
      {
        heading: {
          nl: 'Als je zelf onder druk staat',
          en: 'When you are under pressure yourself',
        },
        intro: null,
        points: [
          {
            nl: 'Vraag je af wie wat van je vraagt, en op grond waarvan.',
            en: 'Ask yourself who is asking what of you, and on what basis.',
          },
          {
            nl: 'Toets je lezing bij de bron: is het een opdracht, een wens, of een inschatting van iemand anders?',
            en: 'Check your reading with the source: is it an instruction, a wish, or someone else\'s estimate?',
          },
          {
            nl: 'Bespreek het met een collega-leidinggevende of met je eigen leidinggevende.',
            en: 'Discuss it with a fellow manager or with your own manager.',
          },
          {
            nl: 'Dezelfde routes staan voor jou open: een vertrouwenspersoon, het ethiekpanel en de integriteitscommissie, en daarbuiten het Huis voor Klokkenluiders, de Nationale ombudsman en je vakbond.',
            en: 'The same routes are open to you: a confidential advisor, the ethics panel and the integrity commission, and outside the organisation the Dutch Whistleblowers Authority (Huis voor Klokkenluiders), the National Ombudsman and your union.',
          },
          {
            nl: 'Meld op tijd als regels door bezuinigingen of onderbezetting niet goed uit te voeren zijn; dat is een risicosignaal, geen klacht.',
            en: 'Report in good time when cuts or understaffing mean that rules cannot be carried out properly; that is a risk signal, not a complaint.',
          },
        ],
      },
      {
        heading: {
          nl: 'Het normaal maken',
          en: 'Making it normal',
        },
        intro: null,
        points: [
          {
            nl: 'Bespreek dilemma’s in het team, ook als er niets is misgegaan.',
            en: 'Discuss dilemmas in the team, also when nothing has gone wrong.',
          },
          {
            nl: 'Houd een dilemmasessie of een moreel beraad, bijvoorbeeld een paar keer per jaar.',
            en: 'Hold a dilemma session or a moral deliberation, for example a few times a year.',
          },
          {
            nl: 'Benoem druk als je die ziet, of als je merkt dat je die zelf uitoefent: woorden helpen om het te voorkomen.',
            en: 'Name pressure when you see it, or when you notice you are exerting it yourself: having words for it helps to prevent it.',
          },
          {
            nl: 'Vertel zelf over twijfels en dilemma’s die je hebt gehad; dat maakt het voor anderen makkelijker.',
            en: 'Talk about doubts and dilemmas you have had yourself; that makes it easier for others.',
          },
          {
            nl: 'Zorg dat iedereen de routes kent, binnen en buiten de organisatie.',
            en: 'Make sure everyone knows the routes, inside and outside the organisation.',
          },
        ],
      },
    ],
  },
};
