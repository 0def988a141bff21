"""What the handout says, in short sentences and everyday words (Flesch-Kincaid grade 6 or lower).

Each text has an adult form ("you") and a form for the parent or carer of a child under 16
("your child"). "{ed}" is the local name of the emergency department, "{number}" the emergency
number; both come from settings with defaults by country. We say "doctor or nurse", never
"clinician".
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Say:
    adult: str
    child: str

    def __call__(self, child: bool, **values: str) -> str:
        return (self.child if child else self.adult).format(**values)


STAY_HERE = Say(
    "Stay here. Do not leave on your own. We are arranging an urgent check today.",
    "Stay here with your child. Do not leave on your own. We are arranging an urgent check today.",
)
IF_YOU_LEAVE = Say(
    "If you have to leave, or you feel worse on the way, call {number} at once.",
    "If you have to leave, or your child gets worse on the way, call {number} at once.",
)
CALL_HEADING = Say("Go to {ed} or call {number} at once if:", "Take your child to {ed} or call {number} at once if:")
CALL_SIGNS = (
    Say("The skin around your bottom or between your legs feels numb.",
        "The skin around their bottom or between their legs feels numb."),
    Say("You cannot pee, or you leak pee. This is new.", "They cannot pee, or they leak pee. This is new."),
    Say("You cannot hold your poo, or cannot feel it.", "They cannot hold their poo, or cannot feel it."),
    Say("Your leg or foot gets weaker, or your foot drags.", "Their leg or foot gets weaker, or their foot drags."),
    Say("The pain or numbness spreads to both legs.", "The pain or numbness spreads to both legs."),
    Say("You have back pain and a fever, or feel very ill.", "They have back pain and a fever, or seem very ill."),
)

THINK = {
    "E": Say(
        "Some of your answers can be a sign of a serious back problem. You need a check today at {ed}.",
        "Some answers can be a sign of a serious back problem. Your child needs a check today at {ed}.",
    ),
    "P": Say(
        "Some of your answers mean a doctor or nurse needs to see you today.",
        "Some answers mean a doctor or nurse needs to see your child today.",
    ),
    "likely": Say(
        "A nerve in your lower back may cause the pain in your foot. The nerve runs from your back down "
        "your leg to your toes. This can happen even when your back does not hurt.",
        "A nerve in the lower back may cause the pain in your child's foot. The nerve runs from the back "
        "down the leg to the toes.",
    ),
    "possible": Say(
        "Some of your answers fit a nerve problem in your lower back. Some do not. The cause may be in "
        "your back, your leg or your foot.",
        "Some answers fit a nerve problem in the lower back. Some do not. The cause may be in the back, "
        "the leg or the foot.",
    ),
    "not_indicated": Say(
        "Your answers do not point to your back. The cause is more likely in your foot or leg.",
        "The answers do not point to the back. The cause is more likely in the foot or leg.",
    ),
}
NOT_A_DIAGNOSIS = Say(
    "This sheet is not a diagnosis. Only a doctor or nurse can tell you the cause.",
    "This sheet is not a diagnosis. Only a doctor or nurse can tell you the cause.",
)

NEXT = {
    "E": Say("A doctor or nurse will see you now. You may go straight to {ed}. Take this sheet with you.",
             "A doctor or nurse will see your child now. You may go straight to {ed}. Take this sheet."),
    "P": Say("A doctor or nurse will talk with you today. They may send you for a check soon.",
             "A doctor or nurse will talk with you today. They may send your child for a check soon."),
    "likely": Say("A doctor or nurse will examine you. They may send you to a back specialist.",
                  "A doctor or nurse will examine your child. They may send your child to a back specialist."),
    "possible": Say("A doctor or nurse will check your back, legs and feet. Then they will decide what to do.",
                    "A doctor or nurse will check your child's back, legs and feet. Then they will decide."),
    "not_indicated": Say("A doctor or nurse will check your foot and leg. They will tell you what may help.",
                         "A doctor or nurse will check your child's foot and leg. They will tell you what may help."),
}
APPOINTMENT = "Your next appointment:"

MEANWHILE = {
    "E": Say("Do not drive. Do not go home first.", "Do not drive. Do not go home first."),
    "P": Say("Do not drive until a doctor or nurse has seen you.",
             "Stay with your child until a doctor or nurse has seen them."),
    "likely": Say("Keep moving gently. Short walks help. Take your usual pain tablets as the pack says.",
                  "Help your child keep moving gently. Use the pain medicine you usually give, as the pack says."),
    "possible": Say("Keep moving gently. Short walks help. Take your usual pain tablets as the pack says.",
                    "Help your child keep moving gently. Use the pain medicine you usually give, as the pack says."),
    "not_indicated": Say("Rest the foot when it hurts. Wear soft, flat shoes.",
                         "Let your child rest the foot when it hurts. Soft, flat shoes help."),
}
MORE_QUESTIONS = Say("We still need to ask you some safety questions. Please do not leave yet.",
                     "We still need to ask some safety questions. Please do not leave yet.")
FOOT_ALERT = Say(
    "Your foot needs a check today. Go to {ed} or call us at once if your foot turns cold or pale, gets hot "
    "or swollen, or a sore will not heal.",
    "Your child's foot needs a check today. Go to {ed} or call us at once if the foot turns cold or pale, "
    "gets hot or swollen, or a sore will not heal.",
)
QUESTIONS = Say("Any questions? Call us.", "Any questions? Call us.")
