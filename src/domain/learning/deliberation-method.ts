import type { Localised, MethodStep } from './dilemma-content.js';

// The dilemma method of moral deliberation ("moreel beraad"): six steps the facilitator leads,
// from one participant's own case to what is needed to act on the group's choice. Data only.

export const dilemmaMethod: { code: 'dilemma_method'; name: Localised; steps: MethodStep[] } = {
  code: 'dilemma_method',
  name: {
    nl: 'De dilemmamethode (moreel beraad)',
    en: 'The dilemma method (moral deliberation)',
  },
  steps: [
    {
      code: 'case',
      title: {
        nl: 'De casus',
        en: 'The case',
      },
      guidance: {
        nl: 'Eén deelnemer vertelt een situatie die hij of zij zelf heeft meegemaakt en waarover nog iets knaagt. Laat de inbrenger vertellen zonder te onderbreken; de anderen stellen daarna alleen verhelderende vragen, nog zonder oordeel of advies. Zorg dat de casus concreet blijft: wie, wat, wanneer, en wat er op het spel stond.',
        en: 'One participant tells about a situation he or she experienced and that still nags. Let the person bringing the case tell it without interruption; the others then ask only clarifying questions, without judgement or advice yet. Make sure the case stays concrete: who, what, when, and what was at stake.',
      },
      prompts: [
        {
          nl: 'Wat gebeurde er precies, en wanneer?',
          en: 'What exactly happened, and when?',
        },
        {
          nl: 'Wie waren erbij betrokken, en wat was jouw rol?',
          en: 'Who was involved, and what was your role?',
        },
        {
          nl: 'Op welk moment wist je niet meer goed wat je moest doen?',
          en: 'At what moment were you no longer sure what to do?',
        },
        {
          nl: 'Wat moeten de anderen nog weten om de situatie goed te begrijpen?',
          en: 'What else do the others need to know to understand the situation well?',
        },
      ],
    },
    {
      code: 'question',
      title: {
        nl: 'De morele vraag',
        en: 'The moral question',
      },
      guidance: {
        nl: 'Help de inbrenger de kern van het dilemma te formuleren als een keuze: ‘Moet ik … of moet ik …?’ Een goede vraag is concreet, gaat over wat de inbrenger zelf kan doen, en heeft twee kanten die allebei iets waard zijn. Schrijf de vraag op waar iedereen hem ziet, en ga na of de inbrenger zich erin herkent.',
        en: 'Help the person bringing the case to put the core of the dilemma as a choice: "Should I … or should I …?" A good question is concrete, is about what that person can do, and has two sides that are both worth something. Write the question where everyone can see it, and check that the person recognises it as theirs.',
      },
      prompts: [
        {
          nl: 'Wat was het moment van kiezen: wat moest je doen of laten?',
          en: 'What was the moment of choice: what did you have to do or not do?',
        },
        {
          nl: 'Kun je de vraag formuleren als ‘moet ik … of …?’',
          en: 'Can you put the question as "should I … or …?"',
        },
        {
          nl: 'Wat is het nadeel van elke kant van de keuze?',
          en: 'What is the downside of each side of the choice?',
        },
        {
          nl: 'Is dit jouw vraag, of eigenlijk de vraag van iemand anders?',
          en: 'Is this your question, or really someone else\'s?',
        },
      ],
    },
    {
      code: 'perspectives',
      title: {
        nl: 'Perspectieven en waarden',
        en: 'Perspectives and values',
      },
      guidance: {
        nl: 'Breng samen in kaart wie bij de situatie betrokken is of de gevolgen ervan merkt, ook wie niet aan tafel zit, zoals burgers, de raad of de Kamer. Vraag per betrokkene wat voor hem of haar belangrijk is, en welke waarden en normen op het spel staan: regels, beroepsnormen, loyaliteit, zorg. Houd waarden en belangen uit elkaar en schrijf ze zichtbaar op.',
        en: 'Map together who is involved in the situation or feels its consequences, including those not at the table, such as citizens, the council or parliament. Ask for each of them what matters to him or her, and which values and norms are at stake: rules, professional standards, loyalty, care. Keep values and interests apart and write them up where everyone can see.',
      },
      prompts: [
        {
          nl: 'Wie merkt de gevolgen van deze keuze, ook buiten de organisatie?',
          en: 'Who feels the consequences of this choice, also outside the organisation?',
        },
        {
          nl: 'Wat is voor elk van hen belangrijk?',
          en: 'What matters to each of them?',
        },
        {
          nl: 'Welke waarden en normen zijn hier in het geding, en welke regels gelden er?',
          en: 'Which values and norms are at stake here, and which rules apply?',
        },
        {
          nl: 'Welke waarde weegt voor jou het zwaarst, en waarom?',
          en: 'Which value weighs most heavily for you, and why?',
        },
      ],
    },
    {
      code: 'options',
      title: {
        nl: 'Mogelijkheden om te handelen',
        en: 'Options for action',
      },
      guidance: {
        nl: 'Verzamel zoveel mogelijk manieren om te handelen, zonder ze meteen te beoordelen. Moedig ook ongewone mogelijkheden aan: een tussenweg, een ander moment, iemand anders erbij halen. Bekijk daarna per mogelijkheid welke waarden ze dient en welke ze schaadt.',
        en: 'Gather as many ways of acting as possible, without judging them straight away. Encourage unusual options too: a middle way, a different moment, bringing someone else in. Then look at each option to see which values it serves and which it harms.',
      },
      prompts: [
        {
          nl: 'Welke mogelijkheden zijn er nog meer, naast de twee uit de vraag?',
          en: 'What other options are there, besides the two in the question?',
        },
        {
          nl: 'Wat zou iemand doen die deze situatie heel anders bekijkt?',
          en: 'What would someone do who sees this situation quite differently?',
        },
        {
          nl: 'Is er een manier waarop je meer waarden tegelijk recht doet?',
          en: 'Is there a way to do justice to more values at once?',
        },
        {
          nl: 'Wat kost elke mogelijkheid, en wie betaalt die prijs?',
          en: 'What does each option cost, and who pays that price?',
        },
      ],
    },
    {
      code: 'decision',
      title: {
        nl: 'Afweging en keuze',
        en: 'Weighing and choosing',
      },
      guidance: {
        nl: 'Vraag eerst iedere deelnemer om voor zichzelf een keuze te maken en die kort te onderbouwen: wat zou jij doen, en waarom? Laat de keuzes eerst naast elkaar staan zonder discussie. Bespreek daarna wat de groep ervan leert: waarover zijn jullie het eens, waarover niet, en waarom? Het gaat om de kwaliteit van de afweging, niet om eensgezindheid.',
        en: 'First ask each participant to make a choice for himself or herself and to give brief reasons: what would you do, and why? Let the choices stand side by side without discussion first. Then discuss what the group learns from them: where do you agree, where not, and why? What matters is the quality of the weighing, not unanimity.',
      },
      prompts: [
        {
          nl: 'Wat zou jij doen, en om welke reden?',
          en: 'What would you do, and for what reason?',
        },
        {
          nl: 'Welke waarde laat je met jouw keuze minder zwaar wegen, en kun je dat verantwoorden?',
          en: 'Which value does your choice give less weight, and can you justify that?',
        },
        {
          nl: 'Kun je je keuze uitleggen aan de betrokkenen, en in het openbaar?',
          en: 'Could you explain your choice to those involved, and in public?',
        },
        {
          nl: 'Wat valt op als we alle keuzes naast elkaar leggen?',
          en: 'What stands out when we put all the choices side by side?',
        },
      ],
    },
    {
      code: 'action',
      title: {
        nl: 'Wat nodig is om te handelen',
        en: 'What is needed to act',
      },
      guidance: {
        nl: 'Sluit af met wat er nodig is om naar de keuze te handelen. Spreek concreet af wie wat doet en wanneer, en vraag wat de inbrenger en het team nodig hebben: steun, afspraken, informatie of een gesprek met een leidinggevende. Vraag ook wat het beraad heeft opgeleverd en wat de groep meeneemt naar een volgende situatie.',
        en: 'Close with what is needed to act on the choice. Agree concretely who does what and when, and ask what the person who brought the case and the team need: support, agreements, information or a conversation with a manager. Ask too what the deliberation has yielded and what the group takes with it into a next situation.',
      },
      prompts: [
        {
          nl: 'Wat ga je doen, en wanneer?',
          en: 'What are you going to do, and when?',
        },
        {
          nl: 'Wat heb je daarvoor nodig van je collega’s of je leidinggevende?',
          en: 'What do you need for that from your colleagues or your manager?',
        },
        {
          nl: 'Wat moet het team anders doen of met elkaar afspreken?',
          en: 'What should the team do differently or agree among itself?',
        },
        {
          nl: 'Wat neem je mee uit dit gesprek?',
          en: 'What do you take away from this conversation?',
        },
      ],
    },
  ],
};
